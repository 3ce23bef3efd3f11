package org.cadre.supervision;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.cadre.organizations.MemberId;
import org.cadre.organizations.OrganizationId;

/** An inspection or supervision with its findings. */
public record InspectionView(UUID id, InspectionKind kind, InspectionPlan plan, OrganizationId organization,
        MemberId member, String title, String team, LocalDate periodFrom, LocalDate periodTo, LocalDate openedOn,
        LocalDate concludedOn, String conclusion, List<FindingView> findings) {
}

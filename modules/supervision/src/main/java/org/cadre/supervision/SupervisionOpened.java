package org.cadre.supervision;

import java.time.LocalDate;
import java.util.UUID;
import org.cadre.organizations.MemberId;
import org.cadre.organizations.OrganizationId;
import org.jmolecules.event.types.DomainEvent;

/** An inspection or supervision was opened; {@code member} is null when its subject is the organization. */
public record SupervisionOpened(UUID inspection, InspectionKind kind, InspectionPlan plan,
        OrganizationId organization, MemberId member, LocalDate periodFrom, LocalDate periodTo, LocalDate openedOn)
        implements DomainEvent {
}

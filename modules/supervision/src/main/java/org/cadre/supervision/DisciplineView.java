package org.cadre.supervision;

import java.time.LocalDate;
import java.util.UUID;
import org.cadre.organizations.MemberId;
import org.cadre.organizations.OrganizationId;

/** A disciplinary decision as pages and evaluation read it; {@code member} is null for an organization's. */
public record DisciplineView(UUID id, UUID violation, MemberId member, OrganizationId organization,
        DisciplineForm form, String decision, LocalDate decidedOn, String issuer, String violationText,
        boolean selfDetected, boolean remedied) {
}

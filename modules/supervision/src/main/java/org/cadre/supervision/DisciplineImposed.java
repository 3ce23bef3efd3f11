package org.cadre.supervision;

import java.time.LocalDate;
import java.util.UUID;
import org.cadre.organizations.MemberId;
import org.cadre.organizations.OrganizationId;
import org.cadre.platform.AuditLine;
import org.cadre.platform.Audited;
import org.jmolecules.event.types.DomainEvent;

/**
 * A disciplinary decision was recorded.
 *
 * @param member          the member disciplined, or {@code null} when an organization was
 * @param organization    the organization disciplined, or the member's organization on the decision's date
 * @param violation       the violation it punishes: several decisions with the same violation count once
 * @param newViolation    whether this decision is the first for its violation
 * @param membershipEnded whether the decision ended the membership (an expulsion, in the same transaction)
 */
public record DisciplineImposed(UUID discipline, UUID violation, MemberId member, OrganizationId organization,
        DisciplineForm form, String decision, LocalDate decidedOn, String issuer, boolean selfDetected,
        boolean remedied, boolean newViolation, boolean membershipEnded) implements DomainEvent, Audited {

    @Override
    public AuditLine audit() {
        return AuditLine.of("supervision.discipline-imposed", discipline, organization.value(),
                form, decision, decidedOn, issuer);
    }
}

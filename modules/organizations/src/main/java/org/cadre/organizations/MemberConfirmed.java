package org.cadre.organizations;

import java.time.LocalDate;
import org.cadre.platform.AuditLine;
import org.cadre.platform.Audited;
import org.jmolecules.event.types.DomainEvent;

/** A probationary member became a full member, effective {@code on}. */
public record MemberConfirmed(MemberId member, OrganizationId organization, LocalDate on) implements DomainEvent, Audited {

    @Override
    public AuditLine audit() {
        return AuditLine.of("organizations.member-confirmed", member.value(), organization.value(), on);
    }
}

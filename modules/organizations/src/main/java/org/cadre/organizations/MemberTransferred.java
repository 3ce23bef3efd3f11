package org.cadre.organizations;

import java.time.LocalDate;
import org.cadre.platform.AuditLine;
import org.cadre.platform.Audited;
import org.jmolecules.event.types.DomainEvent;

/** A member's party activities moved to another organization, effective {@code on}. */
public record MemberTransferred(MemberId member, OrganizationId from, OrganizationId to, LocalDate on)
        implements DomainEvent, Audited {

    @Override
    public AuditLine audit() {
        return AuditLine.of("organizations.member-transferred", member.value(), to.value(),
                from == null ? null : from.value(), to.value(), on);
    }
}

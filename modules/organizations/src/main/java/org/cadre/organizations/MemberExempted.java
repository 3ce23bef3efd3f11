package org.cadre.organizations;

import java.time.LocalDate;
import org.cadre.platform.AuditLine;
import org.cadre.platform.Audited;
import org.jmolecules.event.types.DomainEvent;

/** A member was exempted from activities (miễn sinh hoạt), effective {@code on}. */
public record MemberExempted(MemberId member, OrganizationId organization, LocalDate on, String reason)
        implements DomainEvent, Audited {

    @Override
    public AuditLine audit() {
        return AuditLine.of("organizations.member-exempted", member.value(), organization.value(), on, reason);
    }
}

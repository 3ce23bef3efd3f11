package org.cadre.organizations;

import java.time.LocalDate;
import org.cadre.platform.AuditLine;
import org.cadre.platform.Audited;
import org.jmolecules.event.types.DomainEvent;

/** An exempt or suspended member took up activities again, effective {@code on}, for a reason. */
public record MemberReinstated(MemberId member, OrganizationId organization, LocalDate on, String reason)
        implements DomainEvent, Audited {

    @Override
    public AuditLine audit() {
        return AuditLine.of("organizations.member-reinstated", member.value(), organization.value(), on, reason);
    }
}

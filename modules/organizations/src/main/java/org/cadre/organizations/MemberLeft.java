package org.cadre.organizations;

import java.time.LocalDate;
import org.cadre.platform.AuditLine;
import org.cadre.platform.Audited;
import org.jmolecules.event.types.DomainEvent;

/**
 * A member left the rolls, effective {@code on}.
 *
 * @param how      {@link MemberStatus#LEFT}, {@link MemberStatus#REMOVED} or {@link MemberStatus#DECEASED}
 * @param decision the number of the decision (added; absent from publications stored before it)
 */
public record MemberLeft(MemberId member, OrganizationId organization, MemberStatus how, LocalDate on,
        String reason, String decision) implements DomainEvent, Audited {

    public MemberLeft(MemberId member, OrganizationId organization, MemberStatus how, LocalDate on, String reason) {
        this(member, organization, how, on, reason, null);
    }

    @Override
    public AuditLine audit() {
        return AuditLine.of("organizations.member-left", member.value(), organization.value(),
                how, on, reason, decision);
    }
}

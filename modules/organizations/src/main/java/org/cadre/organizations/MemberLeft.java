package org.cadre.organizations;

import java.time.LocalDate;
import org.jmolecules.event.types.DomainEvent;

/**
 * A member left the rolls, effective {@code on}.
 *
 * @param how {@link MemberStatus#LEFT}, {@link MemberStatus#REMOVED} or {@link MemberStatus#DECEASED}
 */
public record MemberLeft(MemberId member, OrganizationId organization, MemberStatus how, LocalDate on,
        String reason) implements DomainEvent {
}

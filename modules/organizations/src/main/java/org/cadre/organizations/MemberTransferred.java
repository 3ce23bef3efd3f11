package org.cadre.organizations;

import java.time.LocalDate;
import org.jmolecules.event.types.DomainEvent;

/** A member's party activities moved to another organization, effective {@code on}. */
public record MemberTransferred(MemberId member, OrganizationId from, OrganizationId to, LocalDate on)
        implements DomainEvent {
}

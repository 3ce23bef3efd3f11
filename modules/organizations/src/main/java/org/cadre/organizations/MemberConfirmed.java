package org.cadre.organizations;

import java.time.LocalDate;
import org.jmolecules.event.types.DomainEvent;

/** A probationary member became a full member, effective {@code on}. */
public record MemberConfirmed(MemberId member, OrganizationId organization, LocalDate on) implements DomainEvent {
}

package org.cadre.commitments;

import java.time.LocalDate;
import java.util.UUID;
import org.cadre.organizations.MemberId;
import org.cadre.organizations.OrganizationId;
import org.jmolecules.event.types.DomainEvent;

/** The secretary sent a register back to the member with comments. */
public record CommitmentReturned(UUID register, MemberId member, OrganizationId organization, int year,
        LocalDate returnedOn, String comment) implements DomainEvent {
}

package org.cadre.commitments;

import java.time.LocalDate;
import java.util.UUID;
import org.cadre.organizations.MemberId;
import org.cadre.organizations.OrganizationId;
import org.jmolecules.event.types.DomainEvent;

/** The secretary approved a member's register: these items are the member's targets for the year. */
public record CommitmentApproved(UUID register, MemberId member, OrganizationId organization, UUID resolution,
        int year, int items, int totalWeight, LocalDate approvedOn, String approvedBy) implements DomainEvent {
}

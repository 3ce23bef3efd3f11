package org.cadre.commitments;

import java.time.LocalDate;
import java.util.UUID;
import org.cadre.organizations.MemberId;
import org.cadre.organizations.OrganizationId;
import org.jmolecules.event.types.DomainEvent;

/**
 * A member submitted their commitment register to the chapter (again, after a return, when {@code resubmitted}).
 *
 * @param items       items in it
 * @param totalWeight the sum of the items' weights
 */
public record CommitmentRegistered(UUID register, MemberId member, OrganizationId organization, UUID campaign,
        UUID resolution, int year, int items, int totalWeight, LocalDate submittedOn, boolean resubmitted)
        implements DomainEvent {
}

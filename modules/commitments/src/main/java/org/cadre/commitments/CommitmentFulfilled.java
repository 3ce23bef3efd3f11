package org.cadre.commitments;

import java.time.LocalDate;
import java.util.UUID;
import org.cadre.organizations.MemberId;
import org.cadre.organizations.OrganizationId;
import org.jmolecules.event.types.DomainEvent;

/**
 * The chapter assessed an item as fulfilled at year end.
 *
 * @param completedOn the date progress first reached 100%, or {@code null} when it was never reported so
 * @param onTime      completed on or before the deadline
 * @param exceeded    the target was exceeded
 */
public record CommitmentFulfilled(UUID register, UUID item, MemberId member, OrganizationId organization, int year,
        LocalDate deadline, LocalDate completedOn, LocalDate assessedOn, boolean onTime, boolean exceeded,
        int weight) implements DomainEvent {
}

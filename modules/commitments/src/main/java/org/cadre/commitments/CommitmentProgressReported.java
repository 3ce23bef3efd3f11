package org.cadre.commitments;

import java.time.LocalDate;
import java.util.UUID;
import org.cadre.organizations.MemberId;
import org.cadre.organizations.OrganizationId;
import org.jmolecules.event.types.DomainEvent;

/**
 * Progress of one item was reported.
 *
 * @param onTime whether the report came on or before the item's deadline
 */
public record CommitmentProgressReported(UUID register, UUID item, MemberId member, OrganizationId organization,
        int year, int percent, int previousPercent, LocalDate reportedOn, LocalDate deadline, boolean onTime)
        implements DomainEvent {
}

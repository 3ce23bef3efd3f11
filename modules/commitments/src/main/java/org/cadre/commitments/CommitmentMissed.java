package org.cadre.commitments;

import java.time.LocalDate;
import java.util.UUID;
import org.cadre.organizations.MemberId;
import org.cadre.organizations.OrganizationId;
import org.jmolecules.event.types.DomainEvent;

/** The chapter assessed an item as missed at year end, at the progress last reported. */
public record CommitmentMissed(UUID register, UUID item, MemberId member, OrganizationId organization, int year,
        LocalDate deadline, int progress, LocalDate assessedOn, int weight) implements DomainEvent {
}

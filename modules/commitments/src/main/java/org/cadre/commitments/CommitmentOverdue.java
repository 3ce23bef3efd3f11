package org.cadre.commitments;

import java.time.LocalDate;
import java.util.UUID;
import org.cadre.organizations.MemberId;
import org.cadre.organizations.OrganizationId;
import org.jmolecules.event.types.DomainEvent;

/**
 * The daily deadline check found an approved item past its deadline and short of 100%: supervision reminds the
 * member. Published once per item.
 */
public record CommitmentOverdue(UUID register, UUID item, MemberId member, OrganizationId organization, int year,
        LocalDate deadline, int progress, LocalDate foundOn, int daysOverdue) implements DomainEvent {
}

package org.cadre.supervision;

import java.time.LocalDate;
import java.util.UUID;
import org.cadre.organizations.MemberId;
import org.cadre.organizations.OrganizationId;
import org.jmolecules.event.types.DomainEvent;

/** The remedy a finding required was carried out; {@code onTime} when by its deadline. */
public record FindingResolved(UUID finding, UUID inspection, OrganizationId organization, MemberId member,
        LocalDate resolvedOn, boolean onTime) implements DomainEvent {
}

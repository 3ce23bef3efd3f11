package org.cadre.commitments;

import java.time.LocalDate;
import java.util.UUID;
import org.cadre.organizations.OrganizationId;
import org.jmolecules.event.types.DomainEvent;

/** A committee's template items were cascaded to the members of its subtree in one action. */
public record CommitmentTemplateCascaded(UUID template, UUID campaign, OrganizationId organization, int year,
        int items, int registersCreated, int registersUpdated, LocalDate on) implements DomainEvent {
}

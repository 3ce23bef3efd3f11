package org.cadre.commitments;

import java.time.LocalDate;
import java.util.UUID;
import org.cadre.organizations.MemberId;
import org.cadre.organizations.OrganizationId;
import org.jmolecules.event.types.DomainEvent;

/**
 * A grassroots organization adopted its action programme, co-signed by its secretary and the agency's head (two
 * different people).
 */
public record ActionProgramAdopted(UUID programme, OrganizationId organization, UUID resolution, int year,
        LocalDate adoptedOn, MemberId committeeSigner, MemberId agencyHeadSigner, int tasks) implements DomainEvent {
}

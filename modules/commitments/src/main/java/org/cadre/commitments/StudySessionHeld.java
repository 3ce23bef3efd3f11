package org.cadre.commitments;

import java.time.LocalDate;
import java.util.UUID;
import org.cadre.organizations.OrganizationId;
import org.jmolecules.event.types.DomainEvent;

/**
 * An organization held a study session of a campaign's resolution.
 *
 * @param attendees      members recorded as present
 * @param newlyCompleted attendees whose study this session completed (the others had studied already)
 */
public record StudySessionHeld(UUID session, UUID campaign, UUID resolution, OrganizationId organization, int year,
        LocalDate heldOn, int attendees, int newlyCompleted) implements DomainEvent {
}

package org.cadre.supervision;

import java.time.LocalDate;
import java.util.UUID;
import org.cadre.organizations.MemberId;
import org.jmolecules.event.types.DomainEvent;

/** What came of a reminder: done (on or after its due date) or not. */
public record ReminderFollowedUp(UUID reminder, MemberId member, LocalDate on, boolean done, boolean late)
        implements DomainEvent {
}

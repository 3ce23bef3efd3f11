package org.cadre.supervision;

import java.util.UUID;
import org.jmolecules.event.types.DomainEvent;

/**
 * A bulk load (the demo year) wrote many records at once without their individual events: a consumer rebuilds what
 * it keeps for the year from the facades ({@link ChapterMeetings#memberYear}, {@link Disciplines#memberYear},
 * {@link Disciplines#organizationYear}, {@link Inspections#memberYear}, {@link Feedback#memberYear}).
 */
public record SupervisionBulkLoaded(UUID load, int year, int meetings, int attendances, int reminders,
        int inspections, int findings, int disciplines, int comments) implements DomainEvent {
}

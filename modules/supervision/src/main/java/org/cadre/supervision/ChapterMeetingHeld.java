package org.cadre.supervision;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.cadre.organizations.OrganizationId;
import org.jmolecules.event.types.DomainEvent;

/**
 * A chapter held a meeting, with the attendance of every member listed: what evaluation counts as meetings
 * required and attended, absences in a row and without reason, and the chapter's meetings held.
 */
public record ChapterMeetingHeld(UUID meeting, OrganizationId organization, MeetingKind kind, LocalDate heldOn,
        int present, int excused, int unexcused, List<MemberAttendance> attendance) implements DomainEvent {
}

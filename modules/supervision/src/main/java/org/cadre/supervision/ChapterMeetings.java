package org.cadre.supervision;

import jakarta.validation.Valid;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.cadre.organizations.MemberId;
import org.cadre.organizations.OrganizationId;
import org.cadre.platform.Caller;

/**
 * Chapter meetings and their attendance. The secretary of the chapter (or of an organization above it) or an
 * administrator records them; a refused meeting writes nothing.
 */
public interface ChapterMeetings {

    /**
     * Publishes {@link ChapterMeetingHeld}. Refuses a meeting dated after today, an organization that holds no
     * members, an attendance for someone who is not a member of the chapter on that date, a member listed twice.
     */
    UUID record(@Valid RecordMeeting command, Caller caller);

    Optional<MeetingView> find(UUID meeting, Caller caller);

    /** The chapter's meetings of a year, latest first. */
    List<MeetingView> list(OrganizationId organization, int year, Caller caller);

    /** The meeting-quality figures of a chapter for a year. */
    MeetingQuality quality(OrganizationId organization, int year, Caller caller);

    /**
     * The figures of every organization holding members in a subtree, for the committee's calendar view (which
     * chapters missed which months); {@code absentInARow} is left empty there, it is on each chapter's own page.
     */
    List<MeetingQuality> qualityWithin(OrganizationId organization, int year, Caller caller);

    /** What evaluation reads of a member for a year. */
    MemberMeetingFacts memberYear(MemberId member, int year);
}

package org.cadre.supervision;

import org.cadre.organizations.MemberId;

/**
 * What evaluation reads of a member's meetings, reminders and disciplines for a year (for a rebuild; the events
 * carry the same facts as they happen).
 *
 * @param meetingsRequired     meetings the member was listed for
 * @param meetingsAttended     of them, present
 * @param consecutiveAbsences  the longest run of absences in a row
 * @param unexcusedAbsences    absences without a reason
 * @param reminders            reminders given in the year
 * @param remindersFollowedUp  of them, followed up
 * @param remindersDone        of them, followed up as done
 */
public record MemberMeetingFacts(MemberId member, int year, int meetingsRequired, int meetingsAttended,
        int consecutiveAbsences, int unexcusedAbsences, int reminders, int remindersFollowedUp, int remindersDone) {
}

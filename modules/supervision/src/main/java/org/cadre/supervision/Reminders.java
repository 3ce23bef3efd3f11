package org.cadre.supervision;

import jakarta.validation.Valid;
import java.util.List;
import java.util.UUID;
import org.cadre.organizations.MemberId;
import org.cadre.organizations.OrganizationId;
import org.cadre.platform.Caller;

/**
 * Reminders to members and their follow-up, and the reminders suggested to secretaries by overdue commitments.
 */
public interface Reminders {

    /**
     * Publishes {@link MemberReminded}. A reminder about a suggested commitment item closes the suggestion. Refuses
     * a reminder dated after today, a due date before it, a member off the rolls.
     */
    UUID remind(@Valid RemindMember command, Caller caller);

    /** Publishes {@link ReminderFollowedUp}. Refuses a date before the reminder or after today, a second one. */
    void followUp(UUID reminder, @Valid FollowUpReminder command, Caller caller);

    /** The reminders within an organization's subtree, latest first; only those without follow-up when asked. */
    List<ReminderView> within(OrganizationId organization, boolean openOnly, Caller caller);

    /** The open suggestions within an organization's subtree, most overdue first. */
    List<ReminderSuggestion> suggestions(OrganizationId organization, Caller caller);

    List<ReminderView> ofMember(MemberId member);
}

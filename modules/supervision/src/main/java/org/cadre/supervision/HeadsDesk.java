package org.cadre.supervision;

import java.util.List;
import org.cadre.organizations.OrganizationId;
import org.cadre.platform.Caller;

/**
 * The head's desk: for a committee head (or a secretary), what is due under their authority, in the organization's
 * subtree: overdue commitments not yet reminded, open findings, reminders past due without follow-up.
 */
public interface HeadsDesk {

    Desk desk(OrganizationId organization, Caller caller);

    /** What is due under an organization. */
    record Desk(OrganizationId organization, List<ReminderSuggestion> overdueCommitments,
            List<FindingView> openFindings, List<ReminderView> remindersWithoutFollowUp) {

        public int total() {
            return overdueCommitments.size() + openFindings.size() + remindersWithoutFollowUp.size();
        }
    }
}

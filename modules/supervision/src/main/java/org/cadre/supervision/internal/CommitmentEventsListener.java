package org.cadre.supervision.internal;

import org.cadre.commitments.CommitmentOverdue;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * An overdue commitment suggests a reminder to the member's secretary. The listener id is stable; the suggestion
 * is one row per item (a redelivery changes nothing).
 */
@Component("supervisionCommitmentEventsListener")
class CommitmentEventsListener {

    private final ReminderService reminders;

    CommitmentEventsListener(ReminderService reminders) {
        this.reminders = reminders;
    }

    @ApplicationModuleListener(id = "supervision.on-commitment-overdue")
    void on(CommitmentOverdue event) {
        reminders.suggest(event);
    }
}

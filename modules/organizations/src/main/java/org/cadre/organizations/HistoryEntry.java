package org.cadre.organizations;

import java.time.LocalDate;

/**
 * One period in the history of a member or an organization: where it belonged, or its status or name.
 *
 * @param what         {@code MEMBERSHIP}, {@code STATUS} or {@code TREE}
 * @param value        the organization's name, the status, or the parent's name
 * @param until        exclusive end, or {@code null} for the current period
 * @param decision     the number of the decision behind a disciplinary status, or {@code null}
 * @param recordedBy   the user who recorded it, or {@code null} (the system, or before recorders were kept)
 * @param latest       whether it is the latest change of its kind, the one a cancellation would undo (not the
 *                     admission)
 * @param cancelledOn  the day it was cancelled as recorded by mistake, or {@code null}
 * @param cancelledBy  who cancelled it
 * @param cancelReason why
 */
public record HistoryEntry(String what, String value, String reason, LocalDate from, LocalDate until,
        String decision, String recordedBy, boolean latest, LocalDate cancelledOn, String cancelledBy,
        String cancelReason) {

    public HistoryEntry(String what, String value, String reason, LocalDate from, LocalDate until) {
        this(what, value, reason, from, until, null, null, false, null, null, null);
    }

    public boolean cancelled() {
        return cancelledOn != null;
    }
}

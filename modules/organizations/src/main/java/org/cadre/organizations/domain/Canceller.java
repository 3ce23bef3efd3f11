package org.cadre.organizations.domain;

import java.util.Objects;

/**
 * Who asks to cancel an entry of the history: the entry's recorder or an administrator may; nobody else, and
 * nobody but an administrator an entry without a recorder (recorded before recorders were kept, or by the system).
 */
public record Canceller(String username, boolean administrator) {

    public boolean mayCancel(String recordedBy) {
        return administrator || (recordedBy != null && !username.isEmpty() && Objects.equals(username, recordedBy));
    }
}

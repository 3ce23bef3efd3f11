package org.cadre.commitments;

import java.util.UUID;
import org.cadre.platform.Edits;

/**
 * The records of commitments whose edit forms are guarded against lost updates ({@link Edits}): the status of a
 * task of an action programme, set by the chapter's secretaries from a row of the programme's table. Registers and
 * their items are appended, removed by id or moved on by transitions that check their state (see
 * {@code docs/extending.md}, "Two people editing the same record").
 */
public final class CommitmentEdits {

    private CommitmentEdits() {
    }

    public static String programmeTask(UUID task) {
        return Edits.record("commitments.programme-task", task);
    }
}

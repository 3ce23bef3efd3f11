package org.cadre.commitments;

/** A task of an action programme. Labels: {@code commitments.programme.item.status.<NAME>}. */
public enum ProgrammeItemStatus {
    PLANNED,
    IN_PROGRESS,
    DONE
}

package org.cadre.commitments;

/** A commitment item during the year and after its assessment. Labels: {@code commitments.item.status.<NAME>}. */
public enum ItemStatus {
    OPEN,
    FULFILLED,
    MISSED
}

package org.cadre.supervision;

/** Whether the inspection or supervision is part of the regular plan or thematic (chuyên đề). */
public enum InspectionPlan {
    REGULAR,
    THEMATIC
}

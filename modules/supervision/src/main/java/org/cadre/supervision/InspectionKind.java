package org.cadre.supervision;

/** Kiểm tra (an inspection) or giám sát (a supervision). */
public enum InspectionKind {
    INSPECTION,
    SUPERVISION
}

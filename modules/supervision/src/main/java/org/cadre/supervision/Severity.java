package org.cadre.supervision;

/** How serious a finding is. */
public enum Severity {
    LOW,
    MEDIUM,
    HIGH
}

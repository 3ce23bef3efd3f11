package org.cadre.platform.audit;

import java.time.LocalDate;

/** What the administrator narrows the trail to; {@code null} is any. The days are inclusive. */
record AuditFilter(String module, String kind, String user, LocalDate from, LocalDate to) {

    AuditFilter {
        module = blankIsAny(module);
        kind = blankIsAny(kind);
        user = blankIsAny(user);
    }

    private static String blankIsAny(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}

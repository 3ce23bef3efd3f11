package org.cadre.commitments.domain;

import java.time.LocalDate;
import org.cadre.commitments.CommitmentsRefusal;
import org.cadre.platform.Refused;

/** Date rules shared by the transitions: a deadline inside the year it belongs to, nothing recorded in the future. */
public final class Dates {

    private Dates() {
    }

    public static void deadlineInYear(LocalDate deadline, int year) {
        if (deadline == null || deadline.getYear() != year) {
            // the year as text: a number argument would be written "2.017"
            throw new Refused(CommitmentsRefusal.DEADLINE_OUTSIDE_YEAR, deadline, String.valueOf(year));
        }
    }

    public static void inYear(LocalDate on, int year) {
        if (on == null || on.getYear() != year) {
            throw new Refused(CommitmentsRefusal.DATE_OUTSIDE_YEAR, on, String.valueOf(year));
        }
    }

    public static void notFuture(LocalDate on, LocalDate today) {
        if (on.isAfter(today)) {
            throw new Refused(CommitmentsRefusal.DATE_IN_FUTURE, on);
        }
    }

    static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}

package org.cadre.organizations.domain;

import java.time.LocalDate;
import org.cadre.organizations.OrganizationRefusal;
import org.cadre.platform.Refused;

/**
 * The rule every recorded change shares: it takes effect today or earlier. A change with a future date is refused
 * rather than held pending, so that every page agrees where a member is today (the committee records a decision
 * on or after the day it takes effect).
 */
public final class EffectiveDate {

    private EffectiveDate() {
    }

    public static void requireNotFuture(LocalDate on, LocalDate today) {
        if (on != null && on.isAfter(today)) {
            throw new Refused(OrganizationRefusal.DATE_IN_FUTURE, on, today);
        }
    }
}

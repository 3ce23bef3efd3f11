package org.cadre.organizations;

import java.time.LocalDate;

/**
 * One period in the history of a member or an organization: where it belonged, or its status or name.
 *
 * @param what   {@code MEMBERSHIP}, {@code STATUS} or {@code TREE}
 * @param value  the organization's name, the status, or the parent's name
 * @param until  exclusive end, or {@code null} for the current period
 */
public record HistoryEntry(String what, String value, String reason, LocalDate from, LocalDate until) {
}

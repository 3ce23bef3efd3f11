package org.cadre.organizations.domain;

import java.time.LocalDate;
import org.cadre.organizations.OrganizationId;
import org.cadre.organizations.OrganizationSummary;

/**
 * A member's latest transfer as recorded: the open membership period it started and the one it closed.
 *
 * @param entry     the open period's id
 * @param from      the organization the member left
 * @param fromSince the start of the period there
 * @param to        the organization the member went to
 * @param on        the transfer's date
 */
public record RecordedTransfer(long entry, OrganizationSummary from, LocalDate fromSince, OrganizationId to,
        LocalDate on, String recordedBy) {
}

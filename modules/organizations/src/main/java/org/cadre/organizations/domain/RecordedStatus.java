package org.cadre.organizations.domain;

import java.time.LocalDate;
import org.cadre.organizations.MemberStatus;
import org.cadre.organizations.OrganizationSummary;

/**
 * A member's latest status change as recorded: the open status period and the one it closed.
 *
 * @param entry           the open period's id
 * @param previous        the status before it
 * @param previousSince   the start of that status
 * @param organization    the organization whose rolls the member left, when the change took them off the rolls
 *                        ({@code null} otherwise)
 * @param membershipSince the start of the membership period that change closed ({@code null} when none)
 */
public record RecordedStatus(long entry, MemberStatus status, LocalDate on, String recordedBy,
        MemberStatus previous, LocalDate previousSince, OrganizationSummary organization,
        LocalDate membershipSince) {
}

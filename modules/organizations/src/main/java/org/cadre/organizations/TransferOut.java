package org.cadre.organizations;

import java.time.LocalDate;

/**
 * A member who left an organization (or its subtree) by a transfer: who, from where, to where and when.
 *
 * @param latest whether it is the member's latest transfer (the one a cancellation would undo)
 */
public record TransferOut(MemberId member, String fullName, String cardNumber, OrganizationId from,
        String fromName, OrganizationId to, String toName, LocalDate on, String recordedBy, boolean latest) {
}

package org.cadre.supervision;

import java.time.LocalDate;
import java.util.UUID;
import org.cadre.organizations.MemberId;
import org.cadre.organizations.OrganizationId;

/**
 * A reminder suggested to the secretary because a commitment item went overdue (commitments'
 * {@code CommitmentOverdue}); {@code reminder} is the reminder given for it, or null while none was.
 */
public record ReminderSuggestion(UUID item, UUID register, MemberId member, String memberName,
        OrganizationId organization, LocalDate deadline, int progress, LocalDate foundOn, int daysOverdue,
        UUID reminder) {
}

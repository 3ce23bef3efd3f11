package org.cadre.commitments;

import java.time.LocalDate;
import java.util.UUID;
import org.cadre.organizations.MemberId;
import org.cadre.organizations.OrganizationId;

/**
 * A member in a campaign: whether they must study and register, and their study record.
 *
 * @param register their register in the campaign, or {@code null}
 */
public record DutyView(UUID campaign, MemberId member, String fullName, String cardNumber,
        OrganizationId organization, StudyStatus status, LocalDate studiedOn, StudyHow how, String note,
        UUID register, RegisterStatus registerStatus) {

    public boolean studied() {
        return studiedOn != null;
    }
}

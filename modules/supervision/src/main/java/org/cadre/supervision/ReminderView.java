package org.cadre.supervision;

import java.time.LocalDate;
import java.util.UUID;
import org.cadre.organizations.MemberId;
import org.cadre.organizations.OrganizationId;

/** A reminder and its follow-up ({@code followedUpOn} null while there is none). */
public record ReminderView(UUID id, MemberId member, String memberName, OrganizationId organization, String about,
        UUID commitmentItem, LocalDate remindedOn, LocalDate dueOn, LocalDate followedUpOn, String followUp,
        Boolean done) {

    public boolean open() {
        return followedUpOn == null;
    }
}

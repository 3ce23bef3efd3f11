package org.cadre.supervision;

import java.time.LocalDate;
import java.util.UUID;
import org.cadre.organizations.OrganizationId;

/** A request for comments sent to one body, and how many comments answered it. */
public record FeedbackRequestView(UUID id, UUID body, String bodyName, OrganizationId organization,
        String organizationName, int year, LocalDate deadline, String note, LocalDate requestedOn, int answers) {

    public boolean answered() {
        return answers > 0;
    }
}

package org.cadre.commitments;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.cadre.organizations.MemberId;
import org.cadre.organizations.OrganizationId;

/** An action programme with its tasks and signatures. */
public record ProgrammeView(UUID id, OrganizationId organization, UUID resolution, String resolutionNumber,
        int year, String title, boolean adopted, LocalDate adoptedOn, MemberId committeeSigner,
        String committeeSignerName, MemberId agencyHeadSigner, String agencyHeadSignerName, List<Task> tasks) {

    public record Task(UUID id, int position, String task, String responsible, LocalDate deadline,
            ProgrammeItemStatus status) {
    }
}

package org.cadre.commitments.domain;

import java.time.LocalDate;
import java.util.UUID;
import org.cadre.commitments.CommitmentsRefusal;
import org.cadre.commitments.RecordReview;
import org.cadre.commitments.RegulationReviewed;
import org.cadre.organizations.OrganizationId;
import org.cadre.platform.Refused;

/** An entry of the regulation-review log: what was reviewed, what was decided, when. */
public final class RegulationReview {

    private RegulationReview() {
    }

    public static RegulationReviewed record(UUID id, RecordReview command, LocalDate today) {
        String title = Dates.text(command.title());
        if (title == null) {
            throw new Refused(CommitmentsRefusal.TEXT_REQUIRED);
        }
        Dates.notFuture(command.reviewedOn(), today);
        return new RegulationReviewed(id, new OrganizationId(command.organizationId()),
                command.reviewedOn().getYear(), command.reviewedOn(), command.kind(), command.decision(), title);
    }
}

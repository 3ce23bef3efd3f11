package org.cadre.commitments.domain;

import java.time.LocalDate;
import java.util.UUID;
import org.cadre.commitments.CommitmentsRefusal;
import org.cadre.platform.Refused;

/** A study campaign: a resolution studied (and committed to) in one year over a subtree. */
public record Campaign(UUID id, UUID resolution, UUID organization, int year, LocalDate opensOn, LocalDate studyBy) {

    /** Opens on or after the resolution's date, and the study deadline falls in the same year, after the opening. */
    public static Campaign open(UUID id, UUID resolution, LocalDate resolutionIssuedOn, UUID organization,
            LocalDate opensOn, LocalDate studyBy) {
        if (opensOn.isBefore(resolutionIssuedOn)) {
            throw new Refused(CommitmentsRefusal.DATES_OUT_OF_ORDER, resolutionIssuedOn, opensOn);
        }
        if (studyBy.isBefore(opensOn)) {
            throw new Refused(CommitmentsRefusal.DATES_OUT_OF_ORDER, opensOn, studyBy);
        }
        Dates.deadlineInYear(studyBy, opensOn.getYear());
        return new Campaign(id, resolution, organization, opensOn.getYear(), opensOn, studyBy);
    }
}

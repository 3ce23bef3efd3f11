package org.cadre.commitments;

import org.cadre.organizations.OrganizationId;

/**
 * What evaluation reads of an organization (with its subtree) for a year.
 *
 * @param programmeAdopted an action programme of the year was adopted with both signatures
 * @param committeeSigned  the secretary signed one
 * @param agencyHeadSigned the agency head signed one
 * @param regulationReviews entries in the regulation-review log of the year
 * @param mustStudy        members who had to study (active), over the year's campaigns
 * @param studied          of them, those who completed
 * @param targetsLate      approved items of the year fulfilled after their deadline, or still open past it
 * @param targets          items of the approved registers of the year in the subtree (the unit's targets)
 * @param targetsCompleted of them, assessed fulfilled
 * @param targetsExceeded  of them, fulfilled beyond the target
 */
public record OrganizationYearFacts(OrganizationId organization, int year, boolean programmeAdopted,
        boolean committeeSigned, boolean agencyHeadSigned, int regulationReviews, int mustStudy, int studied,
        int targetsLate, int targets, int targetsCompleted, int targetsExceeded) {

    /** Share of those who had to study who completed, 0 to 1; 1 when nobody had to. */
    public double studyCompletionRate() {
        return mustStudy == 0 ? 1.0 : (double) studied / mustStudy;
    }
}

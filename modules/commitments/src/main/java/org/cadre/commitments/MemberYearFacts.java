package org.cadre.commitments;

import org.cadre.organizations.MemberId;

/**
 * What evaluation reads of a member for a year (for a rebuild; the events carry the same numbers as they happen).
 *
 * @param items        items of the member's approved registers of the year (targets assigned)
 * @param fulfilled    items assessed fulfilled
 * @param exceeded     fulfilled items whose target was exceeded
 * @param onTime       fulfilled items completed on or before their deadline
 * @param missed       items assessed missed
 * @param mustStudy    the member had to study at least one resolution that year
 * @param studyCompleted every campaign of the year they had to study, they completed
 */
public record MemberYearFacts(MemberId member, int year, int items, int fulfilled, int exceeded, int onTime,
        int missed, boolean mustStudy, boolean studyCompleted) {
}

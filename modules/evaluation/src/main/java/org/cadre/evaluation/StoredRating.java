package org.cadre.evaluation;

import java.util.UUID;
import org.cadre.ratingrules.SubjectRating;
import org.cadre.ratingrules.facts.Proposal;

/**
 * A rating of a cycle's current run as pages and the API read it: who, in which organization, with the pack version
 * that rated and the explanation (reasons, the decisive one, the rules that fired with the values they read).
 *
 * @param organization the member's chapter, or the organization's parent
 */
public record StoredRating(UUID cycle, int year, UUID run, String packId, int packVersion, Proposal.Subject subject,
        UUID subjectId, String name, String code, UUID organization, String organizationName,
        SubjectRating rating) {
}

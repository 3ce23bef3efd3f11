package org.cadre.ratingrules;

import java.util.List;
import java.util.Optional;
import org.cadre.ratingrules.facts.MemberFacts;
import org.cadre.ratingrules.facts.OrganizationFacts;
import org.cadre.ratingrules.facts.Proposal;
import org.cadre.ratingrules.facts.SubjectFacts;

/**
 * What the evaluation module asks of the rating rules: rate subjects with the pack active for a year, and which
 * pack version serves a year. The registry of packs (versions, upload, activation, diff, audit) is
 * {@link RulePackRegistry}. Refusals are {@link org.cadre.platform.Refused} with a {@link RatingRulesRefusal}. The
 * engine never changes the facts it is given.
 */
public interface RatingRules {

    /**
     * Rates one batch of subjects of one kind in one session, with the pack active for the year and subject: the
     * members of one organization (so rules see their peers) or the organizations under one parent. Quotas are
     * checked within the batch. The result names the pack id and version that produced it.
     *
     * @throws org.cadre.platform.Refused {@code no-active-pack} when no pack serves the year and subject
     */
    Ratings evaluate(int year, Proposal.Subject subject, List<? extends SubjectFacts> batch);

    /**
     * Rates members and organizations together as a classification run does: members per organization, then
     * organizations bottom-up with the levels just proposed, then quotas. One pack must serve both subjects for the
     * year when both are given.
     *
     * @throws org.cadre.platform.Refused {@code packs-differ} when different packs serve the year's members and
     *                                    organizations; {@code no-active-pack} when no pack serves a subject given
     */
    Ratings evaluateAll(int year, List<MemberFacts> members, List<OrganizationFacts> organizations);

    /**
     * Rates one step of a classification run with the pack version a cycle pinned, whether or not it is still the
     * active one (a version no longer active is compiled once and kept while runs use it): the members of one
     * grassroots organization with its organizations, then the organizations above. Subjects whose id is in
     * {@code earlier} were rated by an earlier step of the same run: they are not rated again, their ratings count
     * for the organizations above them, and they are left out of the result and its quotas.
     *
     * @throws org.cadre.platform.Refused {@code version-not-found} for an unknown version, {@code invalid-pack} when
     *                                    it no longer compiles, {@code rules-failed} when the rules fail
     */
    Ratings evaluateRun(String packId, int version, int year, List<MemberFacts> members,
            List<OrganizationFacts> organizations, java.util.Map<String, SubjectRating> earlier);

    /** The pack version that serves the year and subject, if any. */
    Optional<PackVersion> activeFor(int year, Proposal.Subject subject);
}

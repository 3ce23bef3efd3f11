package org.cadre.evaluation;

import java.util.List;
import java.util.UUID;
import org.cadre.platform.Caller;

/**
 * The results of cycles: a subject's rating with its explanation, an organization's ratings, a member's own ratings
 * by year. Evaluation staff and administrators read every rating; a secretary those in their subtree; a member their
 * own; a reviewer none.
 */
public interface CycleResults {

    /**
     * The rating of a member or organization in the cycle's current run.
     *
     * @throws org.cadre.platform.Refused {@code cycle-unknown}, {@code rating-unknown} (also before any run),
     *                                    {@code out-of-scope} when the caller may not read it
     */
    StoredRating rating(UUID cycle, UUID subject, Caller caller);

    /**
     * The ratings within an organization in the cycle's current run: its members (a chapter), the organizations
     * directly under it, and itself; in the order of the tree, members by name.
     *
     * @throws org.cadre.platform.Refused {@code out-of-scope} when the caller may not see the organization
     */
    List<StoredRating> within(UUID cycle, UUID organization, Caller caller);

    /**
     * How many subjects of each kind hold each level in the cycle's current run (level code, or {@code EXCLUDED} /
     * {@code PENDING}), for the cycle's page; empty before the first run. For those who may see the cycle.
     */
    java.util.Map<org.cadre.ratingrules.facts.Proposal.Subject, java.util.Map<String, Integer>> counts(UUID cycle);

    /**
     * The quota cases of the cycle's current run, for evaluation staff and administrators (empty for others): the
     * candidates by name and where each case stands (open, decided), largest excess first; see {@link Calibrations}.
     */
    List<CalibrationView> calibrations(UUID cycle, Caller caller);

    /** The caller's own ratings as a member, by year (newest first), from each cycle's current run. */
    List<StoredRating> mine(Caller caller);
}

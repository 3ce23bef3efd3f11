package org.cadre.evaluation.internal.whatif;

import java.util.UUID;
import org.cadre.platform.Caller;

/**
 * What a cycle's results would be with another version of a rule pack: the facts the current run stored, rated again
 * with that version in the run's order, compared with the stored ratings. Nothing is written: the cycle, its runs and
 * its ratings stay as they are. Rule administrators use it before activating a version; evaluation staff to see what
 * a change would do to a year already rated.
 */
public interface WhatIf {

    /**
     * Rates the stored facts of the cycle's current run with {@code packId} version {@code version} ({@code packId}
     * blank: the cycle's pack).
     *
     * @throws org.cadre.platform.Refused {@code not-allowed} for anyone but rule administrators, evaluation staff and
     *                                    administrators; {@code cycle-unknown}; {@code no-run-yet} when the cycle has
     *                                    no finished run; the rating rules' {@code version-not-found};
     *                                    {@code version-not-for-year} when the version does not serve the cycle's
     *                                    year; the rating rules' refusals when it does not compile or its rules fail
     */
    WhatIfComparison compare(UUID cycle, String packId, int version, Caller caller);

    /**
     * What {@link #compare} would refuse before rating (no run yet, a version that does not exist or serves other
     * years), without throwing: a page shows it next to its form.
     */
    java.util.Optional<org.cadre.platform.Refused> refusal(UUID cycle, String packId, int version, Caller caller);

    /**
     * The cycle a what-if is asked of, for its page: rule administrators compare versions of cycles they do not
     * otherwise see.
     *
     * @throws org.cadre.platform.Refused {@code not-allowed}, {@code cycle-unknown} as {@link #compare}
     */
    Target target(UUID cycle, Caller caller);

    /** A cycle as the what-if page names it, with the pack version it pinned and whether a run finished. */
    record Target(UUID cycle, int year, String scopeName, String packId, int packVersion, boolean rated) {
    }
}

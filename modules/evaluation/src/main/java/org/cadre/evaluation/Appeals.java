package org.cadre.evaluation;

import java.util.List;
import java.util.UUID;
import org.cadre.platform.Caller;
import org.cadre.ratingrules.RulePackRegistry;
import org.cadre.ratingrules.facts.Proposal;

/**
 * Appeals against signed decisions: filed within the cycle's window by a member (their own level) or for an
 * organization (its secretary, or evaluation staff), re-examined and decided by the decision's competent level.
 * Every step is kept; nothing changes in a closed cycle.
 */
public interface Appeals {

    AppealView file(UUID cycle, FileAppeal command, Caller caller);

    AppealView note(UUID cycle, UUID appeal, String text, Caller caller);

    AppealView decide(UUID cycle, UUID appeal, DecideAppeal command, Caller caller);

    /** The appeals of a cycle the caller may see: staff all, a secretary those they decide or that concern them. */
    List<AppealView> list(UUID cycle, Caller caller);

    AppealView find(UUID cycle, UUID appeal, Caller caller);

    /** The signed-in member's appeals, newest first. */
    List<AppealView> mine(Caller caller);

    /** The signed-in member's decided levels, newest year first, with whether they may appeal now. */
    List<DecidedRating> myDecidedRatings(Caller caller);

    /** The organizations of a cycle the caller may file an appeal for now (a secretary's own; staff any). */
    List<DecidedRating> appealableOrganizations(UUID cycle, Caller caller);

    /** The days appeals may be filed after a decision is signed in this cycle. */
    int windowDays(UUID cycle, Caller caller);

    void setWindowDays(UUID cycle, int days, Caller caller);

    /** How many appeals of the cycle are still being re-examined (for the warning before closing). */
    int openAppeals(UUID cycle);

    /** The levels of the cycle's pinned scale for a kind of subject, highest first (codes and labels). */
    List<RulePackRegistry.Level> scale(UUID cycle, Proposal.Subject kind);

    /** How many appeals of the cycle are being re-examined by a level the caller is competent for (the home page). */
    int toDecide(UUID cycle, Caller caller);
}

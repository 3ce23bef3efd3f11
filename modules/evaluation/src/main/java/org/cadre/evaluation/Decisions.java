package org.cadre.evaluation;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.cadre.platform.Caller;

/**
 * Decisions of the competent level (the regulation's "Decision" step, QĐ 132): for each grassroots organization of a
 * cycle, a list of its members and a list of its organizations (itself and the chapters under it), each decided by
 * the committee at most one level above, starting from the proposals of the cycle's current run after calibration.
 * A level other than the proposal needs a reason; signing (a number, who, when) locks the list. Who is competent is
 * data ({@link DecisionAuthority}): administrators; evaluation staff whose scope holds the competent organization; the
 * secretary of the competent organization itself. Refusals are {@link org.cadre.platform.Refused} with an
 * {@link EvaluationRefusal}.
 */
public interface Decisions {

    /**
     * The lists of the cycle the caller is competent for (a secretary also sees the lists of their own subtree),
     * grassroots organizations in code order, members' list first. Drafts are opened, or refreshed from the current
     * run, as they are listed; a closed cycle shows what was stored.
     */
    List<DecisionSummary> lists(UUID cycle, Caller caller);

    /** One list with its subjects (a draft refreshed from the current run first). */
    DecisionView decision(UUID cycle, UUID decision, Caller caller);

    /**
     * Decides one subject's level (blank: the proposal); a different level needs a reason.
     *
     * @throws org.cadre.platform.Refused {@code not-competent}, {@code cycle-closed}, {@code decision-signed},
     *                                    {@code level-not-in-scale}, {@code reason-required}, {@code reason-too-long},
     *                                    {@code rating-unknown} for a subject not on the list
     */
    DecisionView decide(UUID cycle, UUID decision, UUID subject, String level, String reason, Caller caller);

    /**
     * As {@link #decide}, from a row loaded at {@code loaded} ({@link EvaluationEdits#decisionItem}): refused as
     * {@code edit-conflict}, nothing written, when someone decided the subject since; null is unconditional.
     */
    DecisionView decide(UUID cycle, UUID decision, UUID subject, String level, String reason,
            org.cadre.platform.EditVersion loaded, Caller caller);

    /**
     * Signs the list with the committee's document number, as the caller, now; publishes {@link DecisionSigned}.
     *
     * @throws org.cadre.platform.Refused as {@link #decide}, {@code calibration-pending} while quota cases of the
     *                                    list's group are open, {@code decision-number-invalid}
     */
    DecisionView sign(UUID cycle, UUID decision, String number, Caller caller);

    /** Who decides a list of an organization of the cycle. */
    DecisionAuthority authority(UUID cycle, UUID organization, String kind, Caller caller);

    /**
     * Sets who decides a list (evaluation staff and administrators): the organization itself or its direct parent at
     * the year's end; {@code null} goes back to the default. A signed list keeps its signer.
     *
     * @throws org.cadre.platform.Refused {@code not-allowed}, {@code authority-too-far}, {@code cycle-closed},
     *                                    {@code decision-signed}, {@code organization-unknown}
     */
    DecisionAuthority setAuthority(UUID cycle, UUID organization, String kind, UUID competent, Caller caller);

    /** The level a subject holds by a signed decision of the cycle, if one was signed (for appeals). */
    Optional<SignedLevel> signedLevel(UUID cycle, UUID subject);

    /**
     * How many lists the cycle's current run calls for (each grassroots organization's members and organizations
     * that were rated) are not signed yet, whether or not their draft was opened (for the warning before closing).
     */
    int unsignedLists(UUID cycle);

    /** The decision document (PDF, in Vietnamese: it is a statutory document); a draft is marked as one. */
    byte[] document(UUID cycle, UUID decision, Caller caller);

    /**
     * How many lists of an open cycle's current run wait for a signature of a level the caller is competent for,
     * counting the lists nobody opened yet; 0 for a closed cycle or a caller who decides nothing. For the home page:
     * it reads, never opens or refreshes a draft.
     */
    int toSign(UUID cycle, Caller caller);
}

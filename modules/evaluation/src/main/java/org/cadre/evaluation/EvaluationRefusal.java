package org.cadre.evaluation;

import static org.cadre.platform.Refusal.Outcome.BAD_REQUEST;
import static org.cadre.platform.Refusal.Outcome.CONFLICT;
import static org.cadre.platform.Refusal.Outcome.FORBIDDEN;
import static org.cadre.platform.Refusal.Outcome.INVALID;
import static org.cadre.platform.Refusal.Outcome.NOT_FOUND;
import static org.cadre.platform.Refusal.Outcome.TOO_LARGE;

import org.cadre.platform.Refusal;

/**
 * Every reason the evaluation module refuses a request, with its outcome and the field it concerns. The text of each
 * is {@code problemDetail.evaluation.<code>} in the message bundles (Vietnamese and English); the same reason comes
 * back through the pages, the API and the imports.
 */
public enum EvaluationRefusal implements Refusal {

    // ---- the subject of the request does not exist, or is not the caller's to see or change
    CYCLE_UNKNOWN(NOT_FOUND, "cycle"),
    RUN_UNKNOWN(NOT_FOUND, "run"),
    RATING_UNKNOWN(NOT_FOUND, "subject"),
    MEMBER_UNKNOWN(INVALID, "member"),
    ORGANIZATION_UNKNOWN(INVALID, "organization"),
    SCOPE_UNKNOWN(INVALID, "scope"),
    SCOPE_NOT_BLOC_OR_GRASSROOTS(INVALID, "scope"),
    OUT_OF_SCOPE(FORBIDDEN, null),
    NOT_ALLOWED(FORBIDDEN, null),

    // ---- cycles and runs
    YEAR_OUT_OF_RANGE(INVALID, "year"),
    NO_PACK_FOR_YEAR(INVALID, "year"),
    CYCLE_EXISTS(CONFLICT, "year"),
    CYCLE_CLOSED(CONFLICT, null),
    CYCLE_NOT_CLOSED(CONFLICT, null),
    REOPEN_REASON_REQUIRED(INVALID, "reason"),
    REOPEN_REASON_TOO_LONG(INVALID, "reason"),
    RUN_IN_PROGRESS(CONFLICT, null),
    PINNED_PACK_GONE(CONFLICT, null),
    RULES_FAILED(INVALID, null),
    NOTHING_TO_RATE(INVALID, null),
    NO_RUN_YET(CONFLICT, null),
    VERSION_NOT_FOR_YEAR(INVALID, "version"),

    // ---- inputs people enter for a cycle
    LEVEL_NOT_IN_SCALE(INVALID, "level"),
    CRITERION_UNKNOWN(INVALID, "criterion"),
    SCORE_OUT_OF_RANGE(INVALID, "score"),
    SICK_LEAVE_OUT_OF_RANGE(INVALID, "months"),
    STANCE_UNKNOWN(INVALID, "stance"),
    DATE_OUT_OF_YEAR(INVALID, "receivedOn"),
    TEXT_TOO_LONG(INVALID, "text"),
    IMPORT_UNREADABLE(BAD_REQUEST, "file"),
    IMPORT_HEADER(BAD_REQUEST, "file"),
    IMPORT_ROWS(INVALID, "file"),
    IMPORT_TOO_LARGE(TOO_LARGE, "file"),
    IMPORT_UNKNOWN(NOT_FOUND, "id"),

    // ---- a member's self-assessment
    SELF_ASSESSMENT_DEADLINE_PASSED(CONFLICT, "deadline"),
    SELF_ASSESSMENT_SUBMITTED(CONFLICT, null),
    SELF_ASSESSMENT_INCOMPLETE(INVALID, null),
    SELF_ASSESSMENT_TOO_LONG(INVALID, null),

    // ---- a change that departs from what it follows (a proposal, a decision, a re-examination) needs a reason
    REASON_REQUIRED(INVALID, "reason"),
    REASON_TOO_LONG(INVALID, "reason"),

    // ---- the chapter's review: comments, per-criterion levels, proposals; comments asked of another chapter
    SELF_ASSESSMENT_NOT_SUBMITTED(CONFLICT, null),
    REVIEW_LOCKED(CONFLICT, null),
    COMMENT_REQUEST_UNKNOWN(NOT_FOUND, "request"),
    COMMENT_ALREADY_GIVEN(CONFLICT, null),
    REVIEW_PROPOSED(CONFLICT, null),

    // ---- calibration of quota cases
    CALIBRATION_UNKNOWN(NOT_FOUND, "case"),
    CALIBRATION_DECIDED(CONFLICT, null),
    CALIBRATION_OVER_CAP(INVALID, "keepers"),
    CALIBRATION_NOT_CANDIDATE(INVALID, "keepers"),
    VOTES_INVALID(INVALID, "votes"),
    CALIBRATION_DUPLICATE_KEEPER(INVALID, "keepers"),

    // ---- decisions of the competent level
    NOT_COMPETENT(FORBIDDEN, null),
    AUTHORITY_TOO_FAR(INVALID, "competent"),
    CALIBRATION_PENDING(CONFLICT, null),
    DECISION_SIGNED(CONFLICT, null),
    DECISION_UNKNOWN(NOT_FOUND, "decision"),
    DECISION_NUMBER_INVALID(INVALID, "number"),

    // ---- appeals and their re-examination
    APPEAL_WINDOW_CLOSED(CONFLICT, "window"),
    APPEAL_WINDOW_OUT_OF_RANGE(INVALID, "days"),
    APPEAL_UNKNOWN(NOT_FOUND, "appeal"),
    APPEAL_EXISTS(CONFLICT, null),
    APPEAL_DECIDED(CONFLICT, null),
    NOT_DECIDED_YET(CONFLICT, null),
    APPEAL_LEVEL_UNCHANGED(INVALID, "level"),

    // ---- the facts projection
    REBUILD_IN_PROGRESS(CONFLICT, null);

    private final Outcome outcome;
    private final String field;

    EvaluationRefusal(Outcome outcome, String field) {
        this.outcome = outcome;
        this.field = field;
    }

    @Override
    public Outcome outcome() {
        return outcome;
    }

    @Override
    public String field() {
        return field;
    }
}

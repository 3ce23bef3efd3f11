package org.cadre.ratingrules;

import static org.cadre.platform.Refusal.Outcome.BAD_REQUEST;
import static org.cadre.platform.Refusal.Outcome.CONFLICT;
import static org.cadre.platform.Refusal.Outcome.INVALID;
import static org.cadre.platform.Refusal.Outcome.NOT_FOUND;

import org.cadre.platform.Refusal;

/**
 * Every reason the rating rules module refuses a request, with its outcome and the field it concerns. The text of
 * each is {@code problemDetail.ratingrules.<code>} in the message bundles. A refused pack also carries its
 * problems (file, line, message) and, when it was stored as a draft, the draft's version ({@link PackRefusals}).
 */
public enum RatingRulesRefusal implements Refusal {

    // ---- what the request names does not exist
    PACK_NOT_FOUND(NOT_FOUND, "packId"),
    VERSION_NOT_FOUND(NOT_FOUND, "version"),
    FILE_NOT_FOUND(NOT_FOUND, "path"),
    JOB_UNKNOWN(NOT_FOUND, "id"),
    NO_ACTIVE_PACK(NOT_FOUND, "year"),

    // ---- the request itself is malformed
    UNSAFE_UPLOAD(BAD_REQUEST, "file"),
    FILE_PATH(BAD_REQUEST, "path"),
    FILE_COUNT(BAD_REQUEST, "files"),
    ACTION_UNKNOWN(BAD_REQUEST, "action"),
    RESOLUTION_MISSING(BAD_REQUEST, "resolution"),
    ID_CHANGED(BAD_REQUEST, "path"),
    YEAR_REQUIRED(BAD_REQUEST, "year"),
    NOTHING_TO_EVALUATE(BAD_REQUEST, "members"),
    FACT_UNKNOWN(BAD_REQUEST, "members"),
    FACT_UNREADABLE(BAD_REQUEST, "members"),
    TOO_LARGE(Outcome.TOO_LARGE, "file"),
    TOO_MANY_SUBJECTS(Outcome.TOO_LARGE, "members"),

    // ---- the pack or the change breaks a rule
    INVALID_PACK(INVALID, "file"),
    INVALID_MANIFEST(INVALID, "file"),
    INVALID_PARAMETERS(INVALID, "values"),
    VERSION_LINE(INVALID, "file"),
    RULES_FAILED(INVALID, null),
    SCENARIO_NOT_EDITABLE(INVALID, "resolution"),
    FACT_NEGATIVE(INVALID, "members"),
    FACT_EXCEEDS(INVALID, "members"),
    SUBJECT_TWICE(INVALID, "members"),
    CRITERION_UNKNOWN(INVALID, "members"),
    LEVEL_UNKNOWN(INVALID, "members"),

    // ---- the change contradicts the registry's state
    VERSION_EXISTS(CONFLICT, "file"),
    NOT_VALIDATED(CONFLICT, "version"),
    YEARS_TAKEN(CONFLICT, "version"),
    ROLLBACK_FORWARD(CONFLICT, "to"),
    NOT_ACTIVE(CONFLICT, "version"),
    PACKS_DIFFER(CONFLICT, "organizations");

    private final Outcome outcome;
    private final String field;

    RatingRulesRefusal(Outcome outcome, String field) {
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

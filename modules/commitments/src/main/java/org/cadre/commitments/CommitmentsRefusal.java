package org.cadre.commitments;

import static org.cadre.platform.Refusal.Outcome.CONFLICT;
import static org.cadre.platform.Refusal.Outcome.FORBIDDEN;
import static org.cadre.platform.Refusal.Outcome.INVALID;
import static org.cadre.platform.Refusal.Outcome.NOT_FOUND;
import static org.cadre.platform.Refusal.Outcome.TOO_LARGE;
import org.cadre.platform.Refusal;

/**
 * Every reason the commitments module refuses a change, with its outcome and the field it concerns. The text of
 * each is {@code problemDetail.commitments.<code>} in the message bundles (Vietnamese and English).
 */
public enum CommitmentsRefusal implements Refusal {

    // ---- the subject does not exist, or is not the caller's
    RESOLUTION_UNKNOWN(NOT_FOUND, "resolutionId"),
    CAMPAIGN_UNKNOWN(NOT_FOUND, "campaignId"),
    REGISTER_UNKNOWN(NOT_FOUND, "id"),
    ITEM_UNKNOWN(NOT_FOUND, "itemId"),
    PROGRAMME_UNKNOWN(NOT_FOUND, "id"),
    ORGANIZATION_UNKNOWN(NOT_FOUND, "organizationId"),
    MEMBER_UNKNOWN(NOT_FOUND, "memberId"),
    NOT_YOUR_CHAPTER(FORBIDDEN, null),
    NOT_YOUR_REGISTER(FORBIDDEN, null),
    EVIDENCE_UNKNOWN(NOT_FOUND, "file"),

    // ---- the change contradicts the current state
    RESOLUTION_NUMBER_TAKEN(CONFLICT, "number"),
    CAMPAIGN_EXISTS(CONFLICT, "resolutionId"),
    REGISTER_EXISTS(CONFLICT, "memberId"),
    REGISTER_NOT_EDITABLE(CONFLICT, null),
    REGISTER_NOT_SUBMITTED(CONFLICT, null),
    REGISTER_NOT_APPROVED(CONFLICT, null),
    ITEM_ASSESSED(CONFLICT, "itemId"),
    PROGRAMME_EXISTS(CONFLICT, "resolutionId"),
    PROGRAMME_ADOPTED(CONFLICT, null),

    // ---- the change breaks a rule
    MEMBER_LEFT(INVALID, "memberId"),
    MEMBER_NOT_DUE(INVALID, "memberId"),
    REGISTER_EMPTY(INVALID, null),
    DEADLINE_OUTSIDE_YEAR(INVALID, "deadline"),
    DATE_OUTSIDE_YEAR(INVALID, "on"),
    DATE_IN_FUTURE(INVALID, "on"),
    DATES_OUT_OF_ORDER(INVALID, "studyBy"),
    PROGRESS_OUT_OF_RANGE(INVALID, "percent"),
    WEIGHT_OUT_OF_RANGE(INVALID, "weight"),
    TEXT_REQUIRED(INVALID, "content"),
    COMMENT_REQUIRED(INVALID, "comment"),
    NOTE_REQUIRED(INVALID, "note"),
    NO_ATTENDEES(INVALID, "attendees"),
    ATTENDEE_NOT_DUE(INVALID, "attendees"),
    NOT_GRASSROOTS(INVALID, "organizationId"),
    SIGNATURE_MISSING(INVALID, "signers"),
    SAME_SIGNER(INVALID, "agencyHeadSigner"),
    SIGNER_NOT_SECRETARY(INVALID, "committeeSigner"),
    SIGNER_NOT_AGENCY_HEAD(INVALID, "agencyHeadSigner"),
    PROGRAMME_EMPTY(INVALID, null),
    EVIDENCE_TYPE_FORBIDDEN(INVALID, "file"),

    // ---- too much
    EVIDENCE_TOO_LARGE(TOO_LARGE, "file");

    private final Outcome outcome;
    private final String field;

    CommitmentsRefusal(Outcome outcome, String field) {
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

package org.cadre.organizations;

import static org.cadre.platform.Refusal.Outcome.CONFLICT;
import static org.cadre.platform.Refusal.Outcome.FORBIDDEN;
import static org.cadre.platform.Refusal.Outcome.INVALID;
import static org.cadre.platform.Refusal.Outcome.NOT_FOUND;

import org.cadre.platform.Refusal;

/**
 * Every reason the organizations module refuses a change, with its outcome and the field it concerns. The text of
 * each is {@code problemDetail.organizations.<code>} in the message bundles (Vietnamese and English). The same
 * reason comes back through the pages, the API and the import.
 */
public enum OrganizationRefusal implements Refusal {

    // ---- the subject of the request does not exist, or is not the caller's to see or change
    ORGANIZATION_UNKNOWN(NOT_FOUND, "id"),
    MEMBER_UNKNOWN(NOT_FOUND, "id"),
    ROLE_UNKNOWN(NOT_FOUND, "assignment"),
    IMPORT_UNKNOWN(NOT_FOUND, "id"),
    OUT_OF_SCOPE(FORBIDDEN, null),

    // ---- an organization or member the request refers to
    PARENT_UNKNOWN(INVALID, "parentId"),
    PARENT_DISSOLVED(INVALID, "parentId"),
    TARGET_UNKNOWN(INVALID, "organizationId"),
    TARGET_DISSOLVED(INVALID, "organizationId"),
    HOLDS_NO_MEMBERS(INVALID, "organizationId"),
    KIND_NOT_UNDER_PARENT(INVALID, "parentId"),
    KIND_NEEDS_PARENT(INVALID, "parentId"),
    ROLE_MEMBER_UNKNOWN(INVALID, "memberId"),
    COMMENTED_ORGANIZATION_UNKNOWN(INVALID, "mayCommentOn"),

    // ---- the change contradicts the current state
    CODE_TAKEN(CONFLICT, "code"),
    CARD_TAKEN(CONFLICT, "cardNumber"),
    ORGANIZATION_DISSOLVED(CONFLICT, null),
    DISSOLVE_NOT_EMPTY(CONFLICT, null),
    MEMBER_CONFIRMED(CONFLICT, "on"),
    MEMBER_NOT_ON_ROLLS(CONFLICT, "change"),
    STATUS_UNCHANGED(CONFLICT, "change"),
    ROLE_HELD(CONFLICT, "role"),

    // ---- the change breaks a rule
    ADMITTED_TOO_YOUNG(INVALID, "admittedOn"),
    BORN_TOO_LATE_FOR_ADMISSION(INVALID, "bornOn"),
    CONFIRMED_BEFORE_ADMITTED(INVALID, "confirmedOn"),
    CONFIRMATION_BEFORE_ADMISSION(INVALID, "on"),
    TRANSFER_SAME(INVALID, "organizationId"),
    DATE_BEFORE_CURRENT(INVALID, "on"),
    DATE_BEFORE_PERIOD(INVALID, "on"),
    DATES_OUT_OF_ORDER(INVALID, "on"),
    MOVE_CYCLE(INVALID, "parentId"),
    ROLE_OUTSIDE_ORGANIZATION(INVALID, "memberId"),
    STATUS_INVALID(INVALID, "change"),
    DATE_IN_FUTURE(INVALID, "on"),
    REASON_REQUIRED(INVALID, "reason"),
    DECISION_REQUIRED(INVALID, "decision"),

    // ---- cancelling an entry recorded by mistake
    NOTHING_TO_CANCEL(CONFLICT, null),
    CANCEL_NOT_YOURS(FORBIDDEN, null),
    CANCEL_ROLES_SINCE(CONFLICT, null),
    ROLE_CANCELLED(CONFLICT, null),
    IMPORT_FILE_MISSING(INVALID, "file");

    private final Outcome outcome;
    private final String field;

    OrganizationRefusal(Outcome outcome, String field) {
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

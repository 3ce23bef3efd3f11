package org.cadre.supervision;

import static org.cadre.platform.Refusal.Outcome.CONFLICT;
import static org.cadre.platform.Refusal.Outcome.FORBIDDEN;
import static org.cadre.platform.Refusal.Outcome.INVALID;
import static org.cadre.platform.Refusal.Outcome.NOT_FOUND;

import org.cadre.platform.Refusal;

/**
 * Every reason the supervision module refuses a change, with its outcome and the field it concerns. The text of
 * each is {@code problemDetail.supervision.<code>} in the message bundles (Vietnamese and English).
 */
public enum SupervisionRefusal implements Refusal {

    // ---- the subject of the request does not exist
    ORGANIZATION_UNKNOWN(NOT_FOUND, "organizationId"),
    MEMBER_UNKNOWN(NOT_FOUND, "memberId"),
    MEETING_UNKNOWN(NOT_FOUND, "id"),
    REMINDER_UNKNOWN(NOT_FOUND, "id"),

    // ---- meetings
    NOT_A_CHAPTER(INVALID, "organizationId"),
    MEETING_IN_FUTURE(INVALID, "heldOn"),
    NOT_A_MEMBER_OF_CHAPTER(INVALID, "attendance"),
    LISTED_TWICE(INVALID, "attendance"),
    NOBODY_LISTED(INVALID, "attendance"),
    ATTENDANCE_MISSING(INVALID, "attendance"),

    // ---- discipline
    SUBJECT_REQUIRED(INVALID, "memberId"),
    DECISION_IN_FUTURE(INVALID, "decidedOn"),
    FORM_NOT_FOR_MEMBERS(INVALID, "form"),
    FORM_NOT_FOR_PROBATIONARY(INVALID, "form"),
    FORM_NOT_FOR_ORGANIZATIONS(INVALID, "form"),
    VIOLATION_REQUIRED(INVALID, "violation"),
    VIOLATION_UNKNOWN(INVALID, "sameViolationAs"),
    VIOLATION_OF_ANOTHER(INVALID, "sameViolationAs"),
    MEMBER_NOT_ON_ROLLS(CONFLICT, "memberId"),
    ORGANIZATION_DISSOLVED(CONFLICT, "organizationId"),

    // ---- reminders
    REMINDER_IN_FUTURE(INVALID, "remindedOn"),
    DUE_BEFORE_REMINDER(INVALID, "dueOn"),
    FOLLOW_UP_BEFORE_REMINDER(INVALID, "on"),
    FOLLOW_UP_IN_FUTURE(INVALID, "on"),
    FOLLOWED_UP(CONFLICT, null),

    // ---- inspections and findings
    INSPECTION_UNKNOWN(NOT_FOUND, "id"),
    FINDING_UNKNOWN(NOT_FOUND, "id"),
    INSPECTION_IN_FUTURE(INVALID, "openedOn"),
    PERIOD_OUT_OF_ORDER(INVALID, "periodTo"),
    FINDING_DATE_INVALID(INVALID, "recordedOn"),
    REMEDY_FOR_STRENGTH(INVALID, "remedy"),
    REMEDY_NEEDS_DEADLINE(INVALID, "remedyDue"),
    INSPECTION_CONCLUDED(CONFLICT, null),
    CONCLUSION_DATE_INVALID(INVALID, "on"),
    NO_REMEDY_REQUIRED(CONFLICT, null),
    FINDING_RESOLVED(CONFLICT, null),
    RESOLVED_BEFORE_REQUIRED(INVALID, "on"),
    RESOLVED_IN_FUTURE(INVALID, "on"),

    // ---- feedback from coordinating bodies
    REQUEST_UNKNOWN(NOT_FOUND, "id"),
    NOT_A_REVIEWER(FORBIDDEN, null),
    OUTSIDE_REMIT(FORBIDDEN, "organizationId"),
    BODY_UNKNOWN(INVALID, "bodies"),
    NO_BODIES(INVALID, "bodies"),
    REQUEST_OF_ANOTHER_BODY(FORBIDDEN, null),
    DEADLINE_BEFORE_REQUEST(INVALID, "deadline");

    private final Outcome outcome;
    private final String field;

    SupervisionRefusal(Outcome outcome, String field) {
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

package org.cadre.platform;

/** What a user may do. Labels for users come from the message key {@code role.<NAME>}. */
public enum Role {
    /** Runs the installation: users, organizations, everything. */
    ADMIN,
    /** Committee staff who keep the rating criteria: rule packs, parameters, activation. */
    RULE_ADMIN,
    /** Evaluation staff of the organization commission: cycles, classification, decisions, reports. */
    EVALUATOR,
    /** Secretary of a chapter or grassroots organization: their own subtree only. */
    SECRETARY,
    /** A party member: their own record, commitments and self-assessment. */
    MEMBER,
    /** A coordinating body: comments on the organizations it may comment on, nothing else. */
    REVIEWER;

    public String authority() {
        return "ROLE_" + name();
    }
}

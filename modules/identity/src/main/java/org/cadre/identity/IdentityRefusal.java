package org.cadre.identity;

import static org.cadre.platform.Refusal.Outcome.CONFLICT;
import static org.cadre.platform.Refusal.Outcome.INVALID;
import static org.cadre.platform.Refusal.Outcome.NOT_FOUND;

import org.cadre.platform.Refusal;

/**
 * Every reason the identity module refuses a change, with its outcome and the field it concerns. The text of each
 * is {@code problemDetail.identity.<code>} in the message bundles (Vietnamese and English).
 */
public enum IdentityRefusal implements Refusal {

    // ---- access tokens
    TOKEN_NAME_REQUIRED(INVALID, "name"),
    TOKEN_NAME_TOO_LONG(INVALID, "name"),
    TOKEN_DAYS_OUT_OF_RANGE(INVALID, "days"),
    /** Unknown, or someone else's: a user cannot tell another user's token from one that does not exist. */
    TOKEN_UNKNOWN(NOT_FOUND, "id"),
    TOKEN_ALREADY_REVOKED(CONFLICT, "id");

    private final Outcome outcome;
    private final String field;

    IdentityRefusal(Outcome outcome, String field) {
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

package org.cadre.identity;

/**
 * A token just made: the clear token, to show its owner this once (it is not stored and cannot be shown again),
 * and what the list shows of it.
 */
public record CreatedAccessToken(String token, AccessTokenView view) {

    /** Never the token: a record's default text would put it in any log line that prints this. */
    @Override
    public String toString() {
        return "CreatedAccessToken[" + view + "]";
    }
}

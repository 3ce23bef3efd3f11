package org.cadre.identity;

import java.util.List;
import java.util.UUID;
import org.cadre.platform.Caller;

/**
 * Personal access tokens: a user makes one for a script, which calls the JSON API with
 * {@code Authorization: Bearer <token>} instead of a password. A token signs in as its owner with the owner's
 * roles and scope as they are at each call; it stops working when revoked, when it expires, or when its owner is
 * disabled or deleted. Only its hash is stored: the clear token is returned once, by {@link #create}.
 */
public interface AccessTokens {

    /** Days a token lasts when the user does not say. */
    int DEFAULT_DAYS = 90;
    /** The longest a token may last: a forgotten token must end by itself. */
    int MAX_DAYS = 365;
    int MAX_NAME_LENGTH = 100;

    /**
     * Makes a token for the caller.
     *
     * @param name what the user calls it (the script or machine it is for), at most {@value #MAX_NAME_LENGTH}
     *             characters
     * @param days how long it lasts, 1 to {@value #MAX_DAYS}; {@code null} for {@value #DEFAULT_DAYS}
     */
    CreatedAccessToken create(String name, Integer days, Caller caller);

    /** The caller's own tokens, newest first; an administrator sees every user's. */
    List<AccessTokenView> list(Caller caller);

    /** Stops the token at once. Its owner may revoke it, and an administrator any token. */
    void revoke(UUID id, Caller caller);
}

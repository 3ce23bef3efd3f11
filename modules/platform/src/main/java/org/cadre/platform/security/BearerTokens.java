package org.cadre.platform.security;

import java.util.Optional;
import org.cadre.platform.Caller;

/**
 * How the JSON API checks {@code Authorization: Bearer <token>}: the identity module implements it with its
 * personal access tokens. Without an implementation every bearer token is refused.
 */
public interface BearerTokens {

    /**
     * The caller the token signs in as, with the owner's roles and scope as they are now; empty when the token is
     * unknown, revoked or expired, or its owner may no longer sign in. The token is a secret: never log it.
     */
    Optional<Caller> caller(String token);
}

package org.cadre.platform;

import java.io.Serial;
import org.springframework.security.core.AuthenticationException;

/**
 * A sign-in refused for a reason the user should read (not a wrong password): the API answers its message in the
 * caller's language, from {@link #messageKey()} with {@link #arguments()}. Identity refuses this way when a user
 * name is blocked after repeated failures.
 */
public abstract class SignInRefused extends AuthenticationException {

    @Serial
    private static final long serialVersionUID = 1L;

    protected SignInRefused(String message) {
        super(message);
    }

    public abstract String messageKey();

    public abstract Object[] arguments();
}

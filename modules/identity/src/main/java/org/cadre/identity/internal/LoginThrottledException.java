package org.cadre.identity.internal;

import java.time.Duration;
import org.springframework.security.core.AuthenticationException;

/** Sign-in refused without checking the password, because the user name is blocked for a while. */
public class LoginThrottledException extends AuthenticationException {

    private static final long serialVersionUID = 1L;

    private final transient Duration wait;

    LoginThrottledException(Duration wait) {
        super("Too many failed sign-ins; try again in " + Math.max(1, wait.toSeconds()) + " s");
        this.wait = wait;
    }

    public long waitSeconds() {
        return Math.max(1, wait.toSeconds());
    }
}

package org.cadre.identity.internal;

import java.time.Duration;
import org.cadre.platform.SignInRefused;

/** Sign-in refused without checking the password, because the user name is blocked for a while. */
public class LoginThrottledException extends SignInRefused {

    /** The session attribute the sign-in page reads the wait from, once. */
    public static final String WAIT_SECONDS = "cadre.sign-in.wait-seconds";

    private static final long serialVersionUID = 1L;

    private final transient Duration wait;

    LoginThrottledException(Duration wait) {
        super("Too many failed sign-ins; try again in " + Math.max(1, wait.toSeconds()) + " s");
        this.wait = wait;
    }

    public long waitSeconds() {
        return Math.max(1, wait.toSeconds());
    }

    @Override
    public String messageKey() {
        return "problem.throttled";
    }

    @Override
    public Object[] arguments() {
        return new Object[] {waitSeconds()};
    }
}

package org.cadre.identity.internal;

import java.io.Serial;
import org.cadre.platform.Caller;
import org.cadre.platform.Role;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** A stored user as the password check reads it, carrying the {@link Caller} the sign-in will produce. */
final class CallerUser extends User {

    @Serial
    private static final long serialVersionUID = 1L;

    private final Caller caller;

    CallerUser(Caller caller, String passwordHash, boolean enabled) {
        super(caller.username(), passwordHash, enabled, true, true, true,
                caller.roles().stream().map(Role::authority).map(SimpleGrantedAuthority::new).toList());
        this.caller = caller;
    }

    Caller caller() {
        return caller;
    }
}

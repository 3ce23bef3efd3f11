package org.cadre.platform;

import java.io.Serial;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A signed-in {@link Caller}: the principal of every authentication Cadre makes, by the login form, HTTP basic or a
 * test. Its authorities are the caller's roles as {@code ROLE_<ROLE>}, for {@code hasRole} checks; everything else
 * about the caller is read from the typed principal.
 */
public final class CallerAuthentication extends AbstractAuthenticationToken {

    @Serial
    private static final long serialVersionUID = 1L;

    private final Caller caller;

    public CallerAuthentication(Caller caller) {
        super(caller.roles().stream().map(Role::authority).map(SimpleGrantedAuthority::new).toList());
        this.caller = caller;
        setAuthenticated(!caller.isAnonymous());
    }

    public Caller caller() {
        return caller;
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public Caller getPrincipal() {
        return caller;
    }

    /** The user name: what the shell shows and the logs name. */
    @Override
    public String getName() {
        return caller.username();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CallerAuthentication that && caller.equals(that.caller);
    }

    @Override
    public int hashCode() {
        return caller.hashCode();
    }

}

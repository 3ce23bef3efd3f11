package org.cadre.identity.internal;

import org.cadre.platform.CallerAuthentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Password sign-in, for the login form and HTTP basic alike, with the throttle in front: a blocked name is refused
 * before its password is checked, and every failure is logged and counted.
 */
class ThrottledAuthenticationProvider implements AuthenticationProvider {

    private static final Logger log = LoggerFactory.getLogger(ThrottledAuthenticationProvider.class);

    private final DaoAuthenticationProvider delegate;
    private final LoginThrottle throttle;

    ThrottledAuthenticationProvider(UserDetailsService users, PasswordEncoder encoder, LoginThrottle throttle) {
        this.delegate = new DaoAuthenticationProvider(users);
        this.delegate.setPasswordEncoder(encoder);
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName();
        String source = source(authentication);
        var blocked = throttle.blockedFor(username, source);
        if (blocked.isPresent()) {
            log.warn("Sign-in refused for '{}' from {}: blocked for another {} s after repeated failures",
                    printable(username), source, blocked.get().toSeconds());
            throw new LoginThrottledException(blocked.get());
        }
        try {
            Authentication checked = delegate.authenticate(authentication);
            throttle.succeeded(username, source);
            // the typed caller becomes the principal; the password and its hash go no further
            CallerAuthentication result = new CallerAuthentication(((CallerUser) checked.getPrincipal()).caller());
            result.setDetails(checked.getDetails());
            return result;
        } catch (BadCredentialsException e) {
            int failures = throttle.failed(username, source);
            log.warn("Failed sign-in for '{}' from {} ({} in a row)", printable(username), source, failures);
            throw e;
        } catch (AuthenticationException e) {
            log.warn("Sign-in refused for '{}': {}", printable(username), e.getClass().getSimpleName());
            throw e;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    /**
     * The address the attempt came from: the client's, as the servlet container sees it (behind a reverse proxy,
     * set {@code server.forward-headers-strategy} so that it is the client's and not the proxy's).
     */
    private static String source(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails details
                && details.getRemoteAddress() != null ? details.getRemoteAddress() : "unknown";
    }

    /** A user name as typed can hold anything: keep log lines single and short. */
    private static String printable(String username) {
        String name = username == null ? "" : username.replaceAll("[\\p{Cntrl}]", "?");
        return name.length() > 60 ? name.substring(0, 60) + "…" : name;
    }
}

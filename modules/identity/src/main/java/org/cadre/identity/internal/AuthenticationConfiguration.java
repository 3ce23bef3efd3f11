package org.cadre.identity.internal;

import java.util.Map;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * How a password is checked (hashed with bcrypt, behind the throttle, giving the typed caller) and what a failed
 * sign-in shows; the platform's filter chains use both.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LoginProperties.class)
class AuthenticationConfiguration {

    /**
     * Passwords are stored as {@code {bcrypt}…} with the configured cost; a stored hash carries its own cost, so
     * changing the setting affects new passwords only, and every stored one still matches.
     */
    @Bean
    PasswordEncoder passwordEncoder(LoginProperties properties) {
        return new DelegatingPasswordEncoder("bcrypt",
                Map.of("bcrypt", new BCryptPasswordEncoder(properties.bcryptStrength())));
    }

    /** The one authentication provider: Spring Security's global manager uses it for every filter chain. */
    @Bean
    AuthenticationProvider authenticationProvider(UserDetailsService users, PasswordEncoder encoder,
            LoginThrottle throttle) {
        return new ThrottledAuthenticationProvider(users, encoder, throttle);
    }

    /**
     * A failed sign-in goes back to the sign-in page saying why: wrong name or password, or blocked for a while. The
     * wait travels in the session, not the address, so the page never shows a number someone put in a link.
     */
    @Bean
    AuthenticationFailureHandler signInFailure() {
        return (request, response, e) -> {
            String target = "/login?error=credentials";
            if (e instanceof LoginThrottledException throttled) {
                request.getSession().setAttribute(LoginThrottledException.WAIT_SECONDS, throttled.waitSeconds());
                target = "/login?error=throttled";
            }
            response.sendRedirect(request.getContextPath() + target);
        };
    }
}

package org.cadre.identity.internal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * How a password is checked (hashed with bcrypt, behind the throttle, giving the typed caller) and what a failed
 * sign-in shows; the platform's filter chains use both.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LoginProperties.class)
class AuthenticationConfiguration {

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** The one authentication provider: Spring Security's global manager uses it for every filter chain. */
    @Bean
    AuthenticationProvider authenticationProvider(UserDetailsService users, PasswordEncoder encoder,
            LoginThrottle throttle) {
        return new ThrottledAuthenticationProvider(users, encoder, throttle);
    }

    /** A failed sign-in goes back to the sign-in page saying why: wrong name or password, or blocked for a while. */
    @Bean
    AuthenticationFailureHandler signInFailure() {
        return (request, response, e) -> {
            String target = e instanceof LoginThrottledException t ? "/login?error=throttled&wait=" + t.waitSeconds()
                    : "/login?error=credentials";
            response.sendRedirect(request.getContextPath() + target);
        };
    }
}

package org.cadre.identity.internal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/** How a password is checked: hashed with bcrypt, behind the throttle, giving the typed caller. */
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
}

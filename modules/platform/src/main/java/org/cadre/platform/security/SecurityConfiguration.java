package org.cadre.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import org.cadre.platform.SignInRefused;
import org.cadre.platform.database.DatabaseOutage;
import org.cadre.platform.web.Problems;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Who may call what, for every module. Pages: form login with a session and CSRF protection. The JSON API under
 * {@code /api/**}: an access token ({@code Authorization: Bearer}, see {@link BearerTokens}) or HTTP basic for
 * scripts, no session, errors as problem details; pages take no token. Method security ({@code @PreAuthorize}) on
 * each controller says which roles, and the modules ask organizations for scope. Who the
 * users are, how a password is checked and what a failed sign-in page shows are the identity module's (its
 * authentication provider and failure handler are used here when present).
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, Problems problems, LocaleResolver locales,
            ObjectProvider<BearerTokens> tokens) throws Exception {
        AuthenticationEntryPoint unauthorized = (request, response, e) -> {
            response.setHeader("WWW-Authenticate", bearer(request)
                    ? "Bearer realm=\"Cadre\", error=\"invalid_token\"" : "Basic realm=\"Cadre\"");
            String key = e instanceof SignInRefused refused ? refused.messageKey() : "problem.unauthorized";
            Object[] args = e instanceof SignInRefused refused ? refused.arguments() : null;
            problems.write(problems.problem(401, key, args, locales.resolveLocale(request)), response);
        };
        AccessDeniedHandler forbidden = (request, response, e) -> problems.write(
                problems.problem(403, "problem.forbidden", null, locales.resolveLocale(request)), response);
        return http.securityMatcher("/api/**")
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .httpBasic(b -> b.authenticationEntryPoint(outageAware(unauthorized)))
                // a script's access token: checked by a hash lookup, not a password hash (see BearerTokens)
                .addFilterBefore(new BearerTokenFilter(tokens, unauthorized), BasicAuthenticationFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthorized).accessDeniedHandler(forbidden))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // no cookie authenticates an API call, so there is no cross-site request to forge
                .csrf(c -> c.disable())
                .headers(SecurityConfiguration::headers)
                .build();
    }

    /** Whether the call tried an access token, so the 401 asks for one again rather than for a password. */
    private static boolean bearer(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7);
    }

    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http, ObjectProvider<AuthenticationFailureHandler> failure)
            throws Exception {
        return http
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/login", "/error", "/webjars/**", "/css/**", "/js/**", "/fonts/**",
                                "/favicon.ico", "/favicon.svg", "/actuator/health", "/actuator/health/**")
                        .permitAll()
                        .requestMatchers("/actuator/**").hasRole("ADMIN")
                        .anyRequest().authenticated())
                .formLogin(f -> f.loginPage("/login").failureHandler(outageAware(failure.getIfAvailable(() ->
                        new SimpleUrlAuthenticationFailureHandler("/login?error=credentials")))).permitAll())
                .httpBasic(b -> b.authenticationEntryPoint(outageAware(basicRealm())))
                .logout(l -> l.logoutSuccessUrl("/login?logout").permitAll())
                .headers(h -> headers(h.contentSecurityPolicy(c -> c.policyDirectives(
                        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
                                + "frame-ancestors 'none'; form-action 'self'; base-uri 'self'; object-src 'none'"))))
                .build();
    }

    /**
     * Beside Spring Security's defaults (no sniffing, no framing, no caching of what a signed-in user sees): the
     * addresses of pages carry the ids of members and organizations, so they never leave the site in a referrer.
     */
    private static HeadersConfigurer<HttpSecurity> headers(HeadersConfigurer<HttpSecurity> headers) {
        return headers.referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN));
    }

    /**
     * A sign-in that failed because the database is gone, not because of the password: thrown on, so that the
     * outermost filter answers it with the "temporarily unavailable" page (503) instead of "wrong password".
     */
    private static AuthenticationFailureHandler outageAware(AuthenticationFailureHandler failure) {
        return (request, response, e) -> {
            if (DatabaseOutage.causedBy(e)) {
                throw e;
            }
            failure.onAuthenticationFailure(request, response, e);
        };
    }

    private static AuthenticationEntryPoint outageAware(AuthenticationEntryPoint entryPoint) {
        return (request, response, e) -> {
            if (DatabaseOutage.causedBy(e)) {
                throw e;
            }
            entryPoint.commence(request, response, e);
        };
    }

    private static AuthenticationEntryPoint basicRealm() {
        BasicAuthenticationEntryPoint basic = new BasicAuthenticationEntryPoint();
        basic.setRealmName("Realm");
        return basic;
    }
}

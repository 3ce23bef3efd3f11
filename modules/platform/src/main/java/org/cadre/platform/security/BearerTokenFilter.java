package org.cadre.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.cadre.platform.Caller;
import org.cadre.platform.CallerAuthentication;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.WebAuthenticationDetailsSource;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signs an API call in with {@code Authorization: Bearer <token>}, in front of HTTP basic: a token that is not
 * accepted ends the call with the chain's 401 problem, like a wrong password. Only the API chain has it, so a token
 * never opens a page. Nothing is kept between calls: the token is checked each time, against the owner as they are
 * now.
 */
final class BearerTokenFilter extends OncePerRequestFilter {

    private static final String SCHEME = "Bearer ";

    private final ObjectProvider<BearerTokens> tokens;
    private final AuthenticationEntryPoint unauthorized;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();
    private final WebAuthenticationDetailsSource details = new WebAuthenticationDetailsSource();

    BearerTokenFilter(ObjectProvider<BearerTokens> tokens, AuthenticationEntryPoint unauthorized) {
        this.tokens = tokens;
        this.unauthorized = unauthorized;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            chain.doFilter(request, response);
            return;
        }
        String token = header.substring(SCHEME.length()).trim();
        BearerTokens check = tokens.getIfAvailable();
        Optional<Caller> caller = token.isEmpty() || check == null ? Optional.empty() : check.caller(token);
        if (caller.isEmpty()) {
            contexts.clearContext();
            // the message names no token: exceptions end up in logs
            unauthorized.commence(request, response,
                    new BadCredentialsException("Unknown, revoked or expired access token"));
            return;
        }
        CallerAuthentication authentication = new CallerAuthentication(caller.get());
        authentication.setDetails(details.buildDetails(request));
        SecurityContext context = contexts.createEmptyContext();
        context.setAuthentication(authentication);
        contexts.setContext(context);
        chain.doFilter(request, response);
    }
}

package org.cadre.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

/**
 * Rewrites links to web jars ({@code /webjars/htmx.org/dist/htmx.min.js}) to their versioned path, and no other link.
 * Spring's {@link ResourceUrlEncodingFilter} asks the static resource chain about every link a page renders; because
 * static files are served from {@code /**}, each of the tree page's 300 links became class-path lookups in nested
 * jars, most of that page's time (a JFR profile put over 80 % of its samples there). Only web jar paths carry a
 * version, so only they are resolved. Extending the Spring class makes Spring Boot leave its own filter out.
 */
class WebJarUrlEncodingFilter extends ResourceUrlEncodingFilter {

    private static final String WEBJARS = "/webjars/";

    private final ResourceUrlProvider resources;

    WebJarUrlEncodingFilter(ResourceUrlProvider resources) {
        this.resources = resources;
    }

    @Override
    public void doFilter(jakarta.servlet.ServletRequest request, jakarta.servlet.ServletResponse response,
            FilterChain chain) throws IOException, ServletException {
        if (!(request instanceof HttpServletRequest http) || !(response instanceof HttpServletResponse out)) {
            chain.doFilter(request, response);
            return;
        }
        String prefix = http.getContextPath() + WEBJARS;
        chain.doFilter(request, new HttpServletResponseWrapper(out) {
            @Override
            public String encodeURL(String url) {
                if (url.startsWith(prefix)) {
                    int query = indexOfQuery(url);
                    String lookup = url.substring(http.getContextPath().length(), query);
                    String resolved = resources.getForLookupPath(lookup);
                    if (resolved != null) {
                        return super.encodeURL(http.getContextPath() + resolved + url.substring(query));
                    }
                }
                return super.encodeURL(url);
            }
        });
    }

    private static int indexOfQuery(String url) {
        int query = url.indexOf('?');
        int fragment = url.indexOf('#');
        int end = url.length();
        if (query >= 0) {
            end = query;
        }
        if (fragment >= 0 && fragment < end) {
            end = fragment;
        }
        return end;
    }
}

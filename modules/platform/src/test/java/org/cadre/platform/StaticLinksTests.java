package org.cadre.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * Links to web jars carry their version (so browsers may cache them for good), and only they are looked up: Spring's
 * own filter resolved every link of a page against the static files, which made the tree page's 300 links most of
 * its time. One link-rewriting filter is registered, the platform's.
 */
@PlatformModuleTest
class StaticLinksTests {

    private static final Pattern HTMX = Pattern.compile("src=\"(/webjars/htmx\\.org/[^\"]+/dist/htmx\\.min\\.js)\"");

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;

    @Test
    void webJarLinksAreVersionedAndServedAndOtherLinksAreLeftAlone() throws Exception {
        var admin = authentication(new CallerAuthentication(Caller.of("quan-tri", Role.ADMIN)));
        String page = mvc.perform(get("/admin/publications").with(admin)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        Matcher htmx = HTMX.matcher(page);
        assertThat(htmx.find()).as("the layout's htmx link").isTrue();
        String versioned = htmx.group(1);
        assertThat(versioned).matches("/webjars/htmx\\.org/\\d+\\.\\d+\\.\\d+/dist/htmx\\.min\\.js");
        mvc.perform(get(versioned)).andExpect(status().isOk());
        assertThat(page).contains("href=\"/admin/publications\"");
    }

    @Test
    void onlyThePlatformsFilterRewritesLinks() {
        @SuppressWarnings("rawtypes")
        List<String> rewriters = context.getBeansOfType(FilterRegistrationBean.class).values().stream()
                .map(FilterRegistrationBean::getFilter).filter(f -> f instanceof ResourceUrlEncodingFilter)
                .map(f -> f.getClass().getSimpleName()).toList();
        assertThat(rewriters).containsExactly("WebJarUrlEncodingFilter");
    }
}

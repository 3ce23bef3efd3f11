package org.cadre.platform;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The language switch is a cookie. One the application cannot read (quoted the way an old client sends it, or edited
 * by hand) shows the page in Vietnamese, the default, instead of a 500 on every page until the cookie is cleared.
 */
@PlatformModuleTest
class LanguageCookieTests {

    @Autowired
    MockMvc mvc;

    @Test
    void anUnreadableLanguageCookieFallsBackToVietnamese() throws Exception {
        var admin = authentication(new CallerAuthentication(Caller.of("quan-tri", Role.ADMIN)));
        mvc.perform(get("/admin/publications").with(admin).cookie(new Cookie("cadre-lang", "\"en\"")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Sự kiện chưa xử lý xong")));
        mvc.perform(get("/admin/publications").with(admin).cookie(new Cookie("cadre-lang", "en")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Events not handled yet")));
    }
}

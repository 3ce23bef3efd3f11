package org.cadre.platform;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasEntry;
import static org.hamcrest.Matchers.hasToString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * One path for every refusal: the API answers a problem whose status comes from the reason's outcome, with the
 * reason, the field and a text in the caller's language (dates written dd/MM/yyyy); a page form goes back to its
 * page with the reason next to the form and what the user typed; a missing or unreadable field takes the same way.
 */
@PlatformModuleTest
class RefusalPathTests {

    @Autowired
    MockMvc mvc;

    @Test
    void anApiRefusalIsAProblemWithTheOutcomesStatusTheReasonTheFieldAndTheDateAsPagesWriteIt() throws Exception {
        mvc.perform(post("/api/test-refusals/busy").param("on", "2025-03-09").with(user("u")).with(csrf())
                        .header("Accept-Language", "en"))
                .andExpect(status().isTooManyRequests())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.reason").value("jobs-busy"))
                .andExpect(jsonPath("$.title").value("Too Many Requests"))
                .andExpect(jsonPath("$.detail").value("Too many jobs are waiting (at most 09/03/2025). "
                        + "Please try again in a few minutes."));
    }

    @Test
    void aRefusedFormGoesBackToItsPageWithTheReasonAndWhatWasTyped() throws Exception {
        mvc.perform(post("/test-forms/42").param("name", "Nguyễn Văn A").param("on", "2025-03-09")
                        .with(user("u")).with(csrf()))
                .andExpect(redirectedUrl("/test-pages/42"))
                .andExpect(flash().attribute("formError", hasToString(allOf(containsString("name-form"),
                        containsString("Đang có quá nhiều việc chờ xử lý (tối đa 09/03/2025)")))))
                .andExpect(flash().attribute("formValues", hasEntry("name", "Nguyễn Văn A")));
    }

    @Test
    void aMissingOrUnreadableFieldOfAFormIsAFieldErrorNotAChange() throws Exception {
        mvc.perform(post("/test-forms/42").param("name", "A").with(user("u")).with(csrf()))
                .andExpect(redirectedUrl("/test-pages/42"))
                .andExpect(flash().attribute("formError", hasToString(containsString("Chưa nhập on"))));
        // a date that does not exist is unreadable; one written day first, as forms write it, is read
        mvc.perform(post("/test-forms/42").param("name", "A").param("on", "31/02/2025").with(user("u")).with(csrf()))
                .andExpect(redirectedUrl("/test-pages/42"))
                .andExpect(flash().attribute("formError", hasToString(containsString("không đọc được"))));
        mvc.perform(post("/test-forms/42").param("name", "A").param("on", "09/03/2025").with(user("u")).with(csrf()))
                .andExpect(redirectedUrl("/test-pages/42"))
                .andExpect(flash().attribute("formError", hasToString(containsString("(tối đa 09/03/2025)"))));
        mvc.perform(post("/api/test-refusals/busy").with(user("u")).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("on"));
    }

    @Test
    void aRefusalOnAPageThatIsNoFormIsTheErrorPageOfItsOutcome() throws Exception {
        mvc.perform(post("/test-pages/missing").with(user("u")).with(csrf()))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("id=\"error-detail\"")));
    }

    /**
     * Test endpoints that refuse, imported by {@link PlatformModuleTest} (not a nested test configuration: that
     * would give this class a Spring context of its own).
     */
    @Controller
    static class TestForms {

        @PostMapping("/api/test-refusals/busy")
        @ResponseBody
        String api(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on) {
            throw new Refused(PlatformRefusal.JOBS_BUSY, on);
        }

        @PostMapping("/test-forms/{id}")
        @PageForm(page = "/test-pages/{id}", form = "name-form")
        String form(@PathVariable String id, @RequestParam String name,
                @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on) {
            throw new Refused(PlatformRefusal.JOBS_BUSY, on);
        }

        @PostMapping("/test-pages/missing")
        String notAForm() {
            throw new Refused(new Refusal() {
                @Override
                public String name() {
                    return "JOBS_BUSY";
                }

                @Override
                public Outcome outcome() {
                    return Outcome.NOT_FOUND;
                }

                @Override
                public String field() {
                    return null;
                }
            });
        }
    }
}

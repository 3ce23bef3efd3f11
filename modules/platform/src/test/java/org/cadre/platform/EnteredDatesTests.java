package org.cadre.platform;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
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
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import tools.jackson.databind.json.JsonMapper;

/**
 * Dates people enter (in a JSON body, a parameter, a page form) have a year Cadre accepts, 1900 to 2200: a year 0,
 * 9999 or 10000 is a field error naming the field and the range, in Vietnamese and English, and the endpoint never
 * runs; what the application reads back from its own JSON is not held to it.
 */
@PlatformModuleTest
class EnteredDatesTests {

    /** How many times a test endpoint ran: a refused date must not reach it. */
    static final AtomicInteger CALLS = new AtomicInteger();

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;

    @Test
    void aJsonDateOutOfRangeIsAFieldErrorAndTheEndpointDoesNotRun() throws Exception {
        int before = CALLS.get();
        for (String date : new String[] {"9999-12-31", "0000-01-01", "1899-12-31", "2201-01-01"}) {
            mvc.perform(post("/api/test-dates").with(user("u")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                            .header("Accept-Language", "vi").content("{\"effectiveOn\": \"" + date + "\"}"))
                    .andExpect(status().isUnprocessableContent())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.reason").value("date-out-of-range"))
                    .andExpect(jsonPath("$.field").value("effectiveOn"))
                    .andExpect(jsonPath("$.detail").value(containsString("nằm ngoài khoảng cho phép (từ 1900 đến 2200)")));
        }
        mvc.perform(post("/api/test-dates").with(user("u")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .header("Accept-Language", "en").content("{\"effectiveOn\": \"9999-01-01\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value("The field \"effectiveOn\" has the year 9999, outside the "
                        + "allowed range (1900 to 2200): check the date."));
        org.assertj.core.api.Assertions.assertThat(CALLS.get()).isEqualTo(before);
        // the range's ends are accepted
        mvc.perform(post("/api/test-dates").with(user("u")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"effectiveOn\": \"1900-01-01\", \"asOf\": \"2200-12-31\"}"))
                .andExpect(status().isOk()).andExpect(content().string("1900-01-01/2200-12-31"));
    }

    @Test
    void aParameterDateOutOfRangeIsAFieldErrorNamingTheParameter() throws Exception {
        int before = CALLS.get();
        mvc.perform(get("/api/test-dates").param("asOf", "01/01/9999").header("Accept-Language", "en")
                        .with(user("u")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.reason").value("date-out-of-range"))
                .andExpect(jsonPath("$.field").value("asOf"))
                .andExpect(jsonPath("$.detail").value("The field \"asOf\" has the year 9999, outside the allowed "
                        + "range (1900 to 2200): check the date."));
        mvc.perform(get("/api/test-dates").param("asOf", "0000-01-01").header("Accept-Language", "vi")
                        .with(user("u")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value(containsString("có năm 0 nằm ngoài khoảng cho phép")));
        // five digits stay unreadable, as before
        mvc.perform(get("/api/test-dates").param("asOf", "01/01/10000").with(user("u")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("asOf"));
        org.assertj.core.api.Assertions.assertThat(CALLS.get()).isEqualTo(before);
        mvc.perform(get("/api/test-dates").param("asOf", "31/12/2025").with(user("u")))
                .andExpect(status().isOk()).andExpect(content().string("2025-12-31"));
    }

    @Test
    void aPageFormDateOutOfRangeComesBackWithTheReasonNextToTheField() throws Exception {
        int before = CALLS.get();
        mvc.perform(post("/test-dates/form").param("effectiveOn", "31/12/9999").header("Accept-Language", "vi")
                        .with(user("u")).with(csrf()))
                .andExpect(redirectedUrl("/test-pages/dates"))
                .andExpect(flash().attribute("formError", hasToString(allOf(containsString("field=effectiveOn"),
                        containsString("năm 9999 nằm ngoài khoảng cho phép")))));
        org.assertj.core.api.Assertions.assertThat(CALLS.get()).isEqualTo(before);
    }

    @Test
    void whatTheApplicationReadsBackFromItsOwnJsonIsNotHeldToTheRange() {
        org.assertj.core.api.Assertions.assertThat(json.readValue("{\"effectiveOn\": \"9999-12-31\"}", Dated.class)
                .effectiveOn()).isEqualTo(LocalDate.of(9999, 12, 31));
    }

    /** A body with dates. */
    record Dated(LocalDate effectiveOn, LocalDate asOf) {
    }

    /** Test endpoints taking dates, imported by {@link PlatformModuleTest}. */
    @Controller
    static class TestDates {

        @PostMapping("/api/test-dates")
        @ResponseBody
        String body(@RequestBody Dated body) {
            CALLS.incrementAndGet();
            return body.effectiveOn() + "/" + body.asOf();
        }

        @GetMapping("/api/test-dates")
        @ResponseBody
        String parameter(@RequestParam LocalDate asOf) {
            CALLS.incrementAndGet();
            return asOf.toString();
        }

        @PostMapping("/test-dates/form")
        @PageForm(page = "/test-pages/dates", form = "dates-form")
        @ResponseBody
        String form(@RequestParam @DateTimeFormat(pattern = "dd/MM/yyyy") LocalDate effectiveOn) {
            CALLS.incrementAndGet();
            return effectiveOn.toString();
        }
    }
}

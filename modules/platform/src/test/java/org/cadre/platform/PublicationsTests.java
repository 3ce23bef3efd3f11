package org.cadre.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.cadre.platform.events.IncompletePublication;
import org.cadre.platform.events.Publications;
import org.cadre.platform.testing.MutableClock;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A listener that fails leaves its publication incomplete: the error is recorded with it, the administrators' page
 * lists it, health warns once it is overdue, and a resubmission after the fix completes it.
 */
@PlatformModuleTest
class PublicationsTests {

    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    Publications publications;
    @Autowired
    @Qualifier("eventPublications")
    HealthIndicator health;
    @Autowired
    MutableClock clock;
    @Autowired
    MockMvc mvc;

    @AfterEach
    void realTime() {
        clock.reset();
        TestListeners.failing = false;
    }

    @Test
    void aFailingListenerIsShownWithItsErrorWarnedAboutAndResubmittedAfterTheFix() throws Exception {
        TestListeners.failing = true;
        String marker = "lần " + UUID.randomUUID();
        new TransactionTemplate(transactions).executeWithoutResult(tx ->
                events.publishEvent(new TestListeners.SomethingHappened(marker)));

        IncompletePublication stuck = Awaitility.await().atMost(Duration.ofSeconds(30)).until(
                () -> publications.incomplete(500).stream().filter(p -> p.listenerId().equals(TestListeners.ID)
                        && p.errorType() != null).findFirst().orElse(null), p -> p != null);
        assertThat(stuck.errorType()).isEqualTo(IllegalStateException.class.getName());
        assertThat(stuck.errorMessage()).isEqualTo("the projection's table is missing");
        assertThat(stuck.eventName()).isEqualTo("SomethingHappened");

        // overdue: health warns (and still answers), and the page lists it with its error for administrators only
        clock.advance(Duration.ofMinutes(10));
        assertThat(health.health().getStatus().getCode()).isEqualTo("WARNING");
        var admin = authentication(new CallerAuthentication(Caller.of("quan-tri", Role.ADMIN)));
        mvc.perform(get("/admin/publications").with(admin)).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(TestListeners.ID)))
                .andExpect(content().string(Matchers.containsString("the projection&#39;s table is missing")));
        mvc.perform(get("/admin/publications")
                        .with(authentication(new CallerAuthentication(Caller.of("danh-gia", Role.EVALUATOR)))))
                .andExpect(status().isForbidden());

        // fixed: resubmitted, it completes, and health is up again
        TestListeners.failing = false;
        mvc.perform(post("/admin/publications/{id}/resubmit", stuck.id()).with(admin).with(csrf()))
                .andExpect(status().is3xxRedirection());
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> publications.incomplete(500).stream()
                .noneMatch(p -> p.id().equals(stuck.id())));
        assertThat(TestListeners.handled).contains(marker);
        if (publications.incomplete(500).isEmpty()) {
            // (on a database shared with other test runs, someone else's publication may still be in flight)
            assertThat(health.health().getStatus().getCode()).isEqualTo("UP");
        }
        // a publication that is no longer waiting is a 404 problem, not a silent success
        mvc.perform(post("/admin/publications/{id}/resubmit", stuck.id()).with(admin).with(csrf()))
                .andExpect(status().isNotFound());
    }
}

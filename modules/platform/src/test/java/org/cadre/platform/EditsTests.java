package org.cadre.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasEntry;
import static org.hamcrest.Matchers.hasToString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.cadre.platform.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * Optimistic locking of edits: of two saves loaded at the same version one wins and the other is refused with the
 * time of the winning change, also when they run at the same moment; the version comes from a page's hidden field
 * or an API client's {@code If-Match}, and a refusal goes back to the form (page) or is a 409 problem (API).
 */
@PlatformModuleTest
class EditsTests {

    @Autowired
    Edits edits;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;
    @Autowired
    MutableClock clock;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    MessageSource messages;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void theSecondSaveOfTheSameLoadedVersionIsRefusedWithTheTimeOfTheFirst() {
        String record = Edits.record("test.note", UUID.randomUUID());
        TransactionTemplate tx = new TransactionTemplate(transactions);
        EditVersion loaded = edits.current(record);
        assertThat(loaded.value()).isZero();

        assertThat(tx.execute(s -> edits.claim(record, loaded)).value()).isEqualTo(1);
        assertThatThrownBy(() -> tx.execute(s -> edits.claim(record, loaded)))
                .isInstanceOfSatisfying(Refused.class, refused -> {
                    assertThat(refused.reason()).isEqualTo(PlatformRefusal.EDIT_CONFLICT);
                    // the time of the first save where the users are (the clock's zone)
                    String firstAt = DateTimeFormatter.ofPattern("HH:mm").format(jdbc.sql(
                            "SELECT changed_at FROM edits.edit_version WHERE record = :r").param("r", record)
                            .query(OffsetDateTime.class).single().atZoneSameInstant(clock.getZone()));
                    assertThat(((Translatable) refused.arguments()[0]).translate(messages, Locale.ENGLISH))
                            .isEqualTo("at " + firstAt);
                });
        // saved with the version it now has, it succeeds; unconditional edits (no version) count too
        assertThat(tx.execute(s -> edits.claim(record, new EditVersion(1))).value()).isEqualTo(2);
        assertThat(tx.execute(s -> edits.claim(record, null)).value()).isEqualTo(3);
        assertThat(edits.current(record).value()).isEqualTo(3);
    }

    @Test
    void aRefusedChangeLeavesTheVersionAsItWas() {
        String record = Edits.record("test.note", UUID.randomUUID());
        TransactionTemplate tx = new TransactionTemplate(transactions);
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> {
            edits.claim(record, new EditVersion(0));
            throw new Refused(PlatformRefusal.JOBS_BUSY, 1);
        })).isInstanceOf(Refused.class);
        assertThat(edits.current(record).value()).isZero();
        assertThatThrownBy(() -> tx.execute(s -> edits.claim(record, new EditVersion(4))))
                .isInstanceOfSatisfying(Refused.class,
                        r -> assertThat(r.reason()).isEqualTo(PlatformRefusal.EDIT_CONFLICT));
    }

    @Test
    void twoSavesAtTheSameMomentOneWinsTheOtherWaitsAndIsRefused() throws Exception {
        String record = Edits.record("test.note", UUID.randomUUID());
        TransactionTemplate tx = new TransactionTemplate(transactions);
        tx.execute(s -> edits.claim(record, null));
        // two threads of their own: the common pool may have only one on a small machine
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(2);
        CountDownLatch claimed = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<EditVersion> first = CompletableFuture.supplyAsync(() -> tx.execute(s -> {
            EditVersion v = edits.claim(record, new EditVersion(1));
            claimed.countDown();
            await(release);
            return v;
        }), threads);
        assertThat(claimed.await(20, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<EditVersion> second = CompletableFuture.supplyAsync(
                () -> tx.execute(s -> edits.claim(record, new EditVersion(1))), threads);
        // the second waits on the first's row lock (seen in pg_stat_activity), not on a sleep
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("""
                SELECT count(*) FROM pg_stat_activity
                WHERE wait_event_type = 'Lock' AND query LIKE '%edits.edit_version%'""").query(Integer.class)
                .single() > 0);
        release.countDown();
        assertThat(first.get(20, TimeUnit.SECONDS).value()).isEqualTo(2);
        assertThatThrownBy(() -> second.get(20, TimeUnit.SECONDS)).hasCauseInstanceOf(Refused.class);
        assertThat(edits.current(record).value()).isEqualTo(2);
        threads.shutdown();
    }

    @Test
    void theApiSendsTheVersionAsIfMatchAndARefusalIsA409Problem() throws Exception {
        String id = UUID.randomUUID().toString();
        mvc.perform(post("/api/test-edits/{id}", id).header("If-Match", "\"0\"").with(user("u")).with(csrf()))
                .andExpect(status().isOk()).andExpect(jsonPath("$").value("1"));
        mvc.perform(post("/api/test-edits/{id}", id).header("If-Match", "\"0\"").with(user("u")).with(csrf())
                        .header("Accept-Language", "en"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.reason").value("edit-conflict"))
                .andExpect(jsonPath("$.field").value("version"))
                .andExpect(jsonPath("$.detail").value(containsString("Someone else changed this record at ")));
        mvc.perform(post("/api/test-edits/{id}", id).header("If-Match", "W/\"1\"").with(user("u")).with(csrf()))
                .andExpect(status().isOk()).andExpect(jsonPath("$").value("2"));
        mvc.perform(post("/api/test-edits/{id}", id).header("If-Match", "one").with(user("u")).with(csrf()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.reason").value("version-unreadable"));
    }

    @Test
    void aPageFormCarriesTheVersionAsAFieldAndARefusalGoesBackToTheFormWithWhatWasTyped() throws Exception {
        String id = UUID.randomUUID().toString();
        mvc.perform(post("/test-edits/{id}", id).param("version", "0").param("text", "A").with(user("u"))
                .with(csrf())).andExpect(redirectedUrl("/test-pages/" + id));
        mvc.perform(post("/test-edits/{id}", id).param("version", "0").param("text", "B").with(user("u"))
                        .with(csrf()))
                .andExpect(redirectedUrl("/test-pages/" + id))
                .andExpect(flash().attribute("formError", hasToString(allOf(containsString("edit-form"),
                        containsString("Người khác đã sửa bản ghi này lúc ")))))
                .andExpect(flash().attribute("formValues", hasEntry("text", "B")));
    }

    @Test
    void aStaleSpringDataAggregateIsTheSameConflict() throws Exception {
        mvc.perform(post("/api/test-edits/stale").with(user("u")).with(csrf()).header("Accept-Language", "en"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.reason").value("edit-conflict"))
                .andExpect(jsonPath("$.detail").value(containsString("changed this record a moment ago")));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Edit endpoints of a test record, imported by {@link PlatformModuleTest}. */
    @Controller
    static class TestEdits {

        private final Edits edits;
        private final TransactionTemplate tx;

        TestEdits(Edits edits, PlatformTransactionManager transactions) {
            this.edits = edits;
            this.tx = new TransactionTemplate(transactions);
        }

        @PostMapping("/api/test-edits/stale")
        @ResponseBody
        String stale() {
            throw new OptimisticLockingFailureException("stale");
        }

        @PostMapping("/api/test-edits/{id}")
        @ResponseBody
        String api(@PathVariable String id, EditVersion loaded) {
            return tx.execute(s -> edits.claim(Edits.record("test.note", id), loaded)).toString();
        }

        @PostMapping("/test-edits/{id}")
        @PageForm(page = "/test-pages/{id}", form = "edit-form")
        String form(@PathVariable String id, @RequestParam String text, EditVersion loaded) {
            tx.execute(s -> edits.claim(Edits.record("test.note", id), loaded));
            return "redirect:/test-pages/" + id;
        }
    }
}

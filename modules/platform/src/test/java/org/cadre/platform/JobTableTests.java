package org.cadre.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.cadre.platform.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The job table: a job is taken by an instance, runs as its caller, reports its progress in the table (what a page
 * polling another instance reads), and ends with its result or the reason it failed. A job whose instance stops
 * beating is failed, not left running for ever.
 */
@PlatformModuleTest
class JobTableTests {

    static final CountDownLatch RELEASE = new CountDownLatch(1);
    static final CountDownLatch STARTED = new CountDownLatch(1);

    @Autowired
    Jobs jobs;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MutableClock clock;
    @Autowired
    PlatformTransactionManager transactions;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void aJobRunsAsItsCallerAndItsResultAndProgressAreInTheTable() {
        Caller secretary = Caller.of("bithu-test", Role.SECRETARY)
                .withOrganizationScope(java.util.UUID.randomUUID());
        JobId id = jobs.submit("test.echo", secretary, "xin chào".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                Map.of("times", "3"));
        Job done = Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> jobs.find(id).orElseThrow(),
                Job::finished);
        assertThat(done.state()).isEqualTo(Job.State.SUCCEEDED);
        assertThat(done.percent()).isEqualTo(100);
        assertThat(done.done()).isEqualTo(3);
        assertThat(jobs.result(done, Echo.class)).contains(new Echo("bithu-test", "xin chào xin chào xin chào",
                secretary.organizationScope().orElseThrow().toString()));
        // the upload is not kept once the job is done
        assertThat(jdbc.sql("SELECT input FROM jobs.job WHERE id = :id").param("id", id.value())
                .query(byte[].class).optional()).isEmpty();
        // its owner and an administrator see it; anyone else does not
        assertThat(jobs.find(id, secretary)).isPresent();
        assertThat(jobs.find(id, Caller.of("admin-test", Role.ADMIN))).isPresent();
        assertThat(jobs.find(id, Caller.of("someone", Role.SECRETARY))).isEmpty();
    }

    @Test
    void progressShowsInTheTableWhileTheJobRuns() throws Exception {
        Caller owner = Caller.of("waiting-test", Role.ADMIN);
        JobId id = jobs.submit("test.waits", owner, new byte[0], Map.of());
        assertThat(STARTED.await(20, TimeUnit.SECONDS)).isTrue();
        // what another instance reads: the row, not this instance's memory
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                "SELECT done FROM jobs.job WHERE id = :id AND state = 'RUNNING'").param("id", id.value())
                .query(Integer.class).optional().orElse(0) == 5);
        assertThat(jobs.unfinished("test.waits", owner)).map(Job::id).contains(id);
        assertThat(jobs.find(id).orElseThrow().percent()).isEqualTo(50);
        RELEASE.countDown();
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> jobs.find(id).orElseThrow().finished());
        assertThat(jobs.unfinished("test.waits", owner)).isEmpty();
    }

    @Test
    void aRefusalFailsTheJobWithItsReasonAndAnUnknownKindWaitsForItsHandler() {
        JobId refused = jobs.submit("test.refuses", Caller.of("r-test", Role.ADMIN), new byte[0], Map.of());
        Job failed = Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> jobs.find(refused).orElseThrow(),
                Job::finished);
        assertThat(failed.state()).isEqualTo(Job.State.FAILED);
        assertThat(failed.problemKey()).isEqualTo("problemDetail.platform.jobs-busy");
        assertThat(failed.problemArguments()).containsExactly("7");

        // a kind no handler of this instance runs waits for an instance that has one
        JobId unknown = jobs.submit("test.nobody-runs-this", Caller.of("u-test", Role.ADMIN), new byte[0], Map.of());
        JobId after = jobs.submit("test.echo", Caller.of("u-test", Role.ADMIN), new byte[0], Map.of("times", "1"));
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> jobs.find(after).orElseThrow().finished());
        assertThat(jobs.find(unknown).orElseThrow().state()).isEqualTo(Job.State.QUEUED);
        jdbc.sql("DELETE FROM jobs.job WHERE id = :id").param("id", unknown.value()).update();
    }

    @Test
    void aJobWhoseInstanceStoppedIsFailedOnceItsHeartbeatIsStale() {
        JobId id = leftByAStoppedInstance(Duration.ZERO);
        clock.advance(Duration.ofMinutes(10));
        Job failed = Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> jobs.find(id).orElseThrow(),
                Job::finished);
        assertThat(failed.problemKey()).isEqualTo("problem.job.interrupted");
    }

    /**
     * The clock jumps back (an NTP step, a restored virtual machine, a test resetting its clock): the runner does not
     * wait for the clock to catch up with its last sweep before it fails stale jobs again.
     */
    @Test
    void aClockThatWentBackDoesNotHoldUpTheSweep() {
        JobId before = leftByAStoppedInstance(Duration.ZERO);
        clock.advance(Duration.ofDays(30));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> jobs.find(before).orElseThrow().finished());
        clock.reset();
        JobId after = leftByAStoppedInstance(Duration.ofMinutes(5));
        Job failed = Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> jobs.find(after).orElseThrow(),
                Job::finished);
        assertThat(failed.problemKey()).isEqualTo("problem.job.interrupted");
    }

    /** What an instance that died while running leaves in the shared table: its last heartbeat {@code ago}. */
    private JobId leftByAStoppedInstance(Duration ago) {
        JobId id = new JobId(java.util.UUID.randomUUID());
        jdbc.sql("""
                INSERT INTO jobs.job (id, kind, state, owner, owner_roles, created_at, started_at, heartbeat_at,
                    instance)
                VALUES (:id, 'test.echo', 'RUNNING', 'gone', 'ADMIN', now(), now(),
                    now() - make_interval(secs => :ago), 'a stopped instance')
                """).param("id", id.value()).param("ago", ago.toSeconds()).update();
        return id;
    }

    @Test
    void tooManyWaitingJobsAreRefused() {
        // twenty jobs waiting, seen by the submit in the same transaction and by no runner, then rolled back
        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            jdbc.sql("""
                    INSERT INTO jobs.job (id, kind, state, owner, owner_roles, created_at)
                    SELECT gen_random_uuid(), 'test.held', 'QUEUED', 'filler', 'ADMIN', now()
                    FROM generate_series(1, 20)
                    """).update();
            assertThatThrownBy(() -> jobs.submit("test.echo", Caller.of("x", Role.ADMIN), new byte[0], Map.of()))
                    .isInstanceOfSatisfying(Refused.class,
                            e -> assertThat(e.reason()).isEqualTo(PlatformRefusal.JOBS_BUSY));
            tx.setRollbackOnly();
        });
    }

    /** What the echo job answers: who it ran as and what it read. */
    record Echo(String caller, String text, String scope) {
    }

    /**
     * The test job handlers, imported by {@link PlatformModuleTest} (not a nested test configuration: that would
     * give this class a Spring context of its own).
     */
    static class Handlers {

        @Bean
        JobHandler echo() {
            return handler("test.echo", context -> {
                int times = Integer.parseInt(context.parameters().get("times"));
                String text = new String(context.input(), java.nio.charset.StandardCharsets.UTF_8);
                StringBuilder out = new StringBuilder();
                for (int i = 1; i <= times; i++) {
                    out.append(i > 1 ? " " : "").append(text);
                    context.progress(i, times);
                }
                return new Echo(context.caller().username(), out.toString(),
                        context.caller().organizationScope().map(Object::toString).orElse(""));
            });
        }

        @Bean
        JobHandler waits() {
            return handler("test.waits", context -> {
                context.progress(5, 10);
                STARTED.countDown();
                try {
                    RELEASE.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                context.progress(10, 10);
                return "done";
            });
        }

        @Bean
        JobHandler refuses() {
            return handler("test.refuses", context -> {
                throw new Refused(PlatformRefusal.JOBS_BUSY, 7);
            });
        }

        private static JobHandler handler(String kind, java.util.function.Function<JobContext, Object> work) {
            return new JobHandler() {
                @Override
                public String kind() {
                    return kind;
                }

                @Override
                public Object run(JobContext context) {
                    return work.apply(context);
                }
            };
        }
    }
}

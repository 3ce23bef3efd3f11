package org.cadre.evaluation.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.cadre.evaluation.runs.RunFixture.EVALUATOR;
import static org.cadre.evaluation.runs.RunFixture.YEAR;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.awaitility.core.ConditionTimeoutException;
import org.cadre.evaluation.CycleView;
import org.cadre.evaluation.Cycles;
import org.cadre.evaluation.OpenCycle;
import org.cadre.evaluation.RunState;
import org.cadre.evaluation.RunView;
import org.cadre.organizations.BulkLoad;
import org.cadre.organizations.MemberStatus;
import org.cadre.organizations.OrganizationKind;
import org.cadre.organizations.Sex;
import org.cadre.platform.Job;
import org.cadre.platform.JobId;
import org.cadre.platform.Jobs;
import org.cadre.platform.testing.MutableClock;
import org.cadre.ratingrules.RulePackRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;

/**
 * The process that runs a classification dies in the middle of the run: the cycle keeps its previous results,
 * nothing of the interrupted run is visible, and once the platform has failed the orphaned job the next run succeeds
 * with the same results. The run is served by a second JVM on the same database (another instance, as in
 * production); this JVM's job runner is paused meanwhile so that the other instance is the one that takes the job.
 * A bloc of 30 grassroots committees of 5 chapters of 70 members, bulk-loaded once for the class (a cycle per test,
 * one for each year the test pack covers), so a run lasts long enough to be caught with some but not all of its
 * organizations written.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES)
@AutoConfigureMockMvc
class KilledRunTests {

    private static final Logger log = LoggerFactory.getLogger(KilledRunTests.class);
    private static final int GRASSROOTS = 30;
    private static final int CHAPTERS = 5;
    private static final int MEMBERS = 70;
    private static final String CHILD_APPLICATION = "cadre-killed-run-child";
    private static final String PREFIX = "K" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    private static UUID bloc;

    @Autowired
    BulkLoad bulk;
    @Autowired
    Cycles cycles;
    @Autowired
    Jobs jobs;
    @Autowired
    RulePackRegistry registry;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    MutableClock clock;
    @Autowired
    ApplicationContext context;

    @BeforeEach
    void blocOnce() {
        RunFixture.activatePack(registry);
        if (bloc == null) {
            long started = System.nanoTime();
            bloc = loadBloc();
            log.info("Killed run tests: bloc of {} members loaded and its facts rebuilt in {} ms",
                    GRASSROOTS * CHAPTERS * MEMBERS, ms(System.nanoTime() - started));
        }
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void aRunWhoseProcessIsKilledHalfwayLeavesThePreviousResultsAndTheNextRunGivesTheSame() throws Exception {
        long started = System.nanoTime();
        CycleView cycle = cycles.open(new OpenCycle(YEAR, bloc), EVALUATOR);
        RunView first = firstRun(cycle);
        String firstRatings = ratings(first.id());
        long firstRun = System.nanoTime();

        Instance child = caughtInTheMiddle(cycle, first);
        try {
            child.process().destroyForcibly();
            assertThat(child.process().waitFor()).as("killed by SIGKILL").isEqualTo(128 + 9);
            // the database has seen the connections go and ended their transactions
            RunFixture.await(() -> childConnections() == 0, Duration.ofSeconds(20));
        } finally {
            child.end();
        }
        long killedAt = System.nanoTime();
        UUID killed = child.run();

        // nothing of the killed run is visible; the cycle's results are the previous run's, untouched
        assertThat(count("SELECT count(*) FROM evaluation.rating WHERE run_id = :run", killed)).isZero();
        assertThat(count("SELECT count(*) FROM evaluation.calibration_case WHERE run_id = :run", killed)).isZero();
        CycleView afterKill = cycles.find(cycle.id(), EVALUATOR).orElseThrow();
        assertThat(afterKill.currentRun()).get().satisfies(current -> {
            assertThat(current.id()).isEqualTo(first.id());
            assertThat(current.digest()).isEqualTo(first.digest());
        });
        assertThat(ratings(first.id())).isEqualTo(firstRatings);
        assertThat(afterKill.latestRun()).get().satisfies(run -> {
            assertThat(run.id()).isEqualTo(killed);
            assertThat(run.state()).isEqualTo(RunState.RUNNING);
        });

        RunView next = failStaleThenRunAgain(cycle, child);
        assertThat(next.id()).isNotIn(first.id(), killed);
        assertThat(next.digest()).isEqualTo(first.digest());
        assertThat(ratings(next.id())).isEqualTo(firstRatings);
        log.info("Killed run: first run {} ms, second instance started, caught and killed {} ms, settled and run"
                + " again {} ms", ms(firstRun - started), ms(killedAt - firstRun), ms(System.nanoTime() - killedAt));
    }

    /**
     * The same instance frozen instead of killed (a long pause, a suspended machine): it is taken for dead, its run
     * is settled as interrupted and the cycle is run again; when it wakes, its run must not take the place of the
     * newer one.
     */
    @Test
    void aRunTakenForDeadThatWakesUpAfterTheNextRunDoesNotBecomeTheResults() throws Exception {
        CycleView cycle = cycles.open(new OpenCycle(YEAR + 1, bloc), EVALUATOR);
        RunView first = firstRun(cycle);
        String firstRatings = ratings(first.id());

        Instance child = caughtInTheMiddle(cycle, first);
        try {
            signal(child.process(), "STOP");
            RunView next = failStaleThenRunAgain(cycle, child);
            assertThat(next.digest()).isEqualTo(first.digest());

            signal(child.process(), "CONT");
            // the woken run goes on to its end, in its own transaction, and is turned back there
            RunFixture.await(() -> !childWritesOpen(), Duration.ofSeconds(30));
            RunFixture.await(() -> tail(child.output()).contains("was settled as failed before it could finish"),
                    Duration.ofSeconds(10));

            CycleView after = cycles.find(cycle.id(), EVALUATOR).orElseThrow();
            assertThat(after.currentRun()).get().extracting(RunView::id)
                    .as("the current run, of %s (woken %s, next %s); rows of the woken run: %s; its job: %s",
                            cycles.runs(cycle.id(), EVALUATOR).stream().map(r -> r.id() + " " + r.state() + " "
                                    + r.problem()).toList(), child.run(), next.id(),
                            count("SELECT count(*) FROM evaluation.rating WHERE run_id = :run", child.run()),
                            jobs.find(child.job()).map(j -> j.state() + " " + j.problemKey()).orElse("none"))
                    .isEqualTo(next.id());
            assertThat(cycles.runs(cycle.id(), EVALUATOR)).filteredOn(r -> r.id().equals(child.run()))
                    .singleElement().satisfies(r -> {
                        assertThat(r.state()).isEqualTo(RunState.FAILED);
                        assertThat(r.problem()).isEqualTo("interrupted");
                    });
            assertThat(count("SELECT count(*) FROM evaluation.rating WHERE run_id = :run", child.run())).isZero();
            assertThat(ratings(next.id())).isEqualTo(firstRatings);
        } finally {
            child.end();
        }
    }

    private RunView firstRun(CycleView cycle) {
        RunView first = RunFixture.runAndWait(cycles, cycle.id()).currentRun().orElseThrow();
        assertThat(first.state()).isEqualTo(RunState.SUCCEEDED);
        assertThat(first.members()).isEqualTo(GRASSROOTS * CHAPTERS * MEMBERS);
        return first;
    }

    /**
     * Starts the second instance with this one's job runner paused, and returns once its run has written a third
     * or more, but not all, of the grassroots organizations in its open transaction.
     */
    private Instance caughtInTheMiddle(CycleView cycle, RunView previous) throws Exception {
        SmartLifecycle runner = context.getBean("jobRunner", SmartLifecycle.class);
        Path output = Files.createTempFile("killed-run-child", ".log");
        Process process = null;
        runner.stop();
        try {
            process = startChild(cycle.id(), output);
            Caught caught = catchInTheMiddle(cycle.id(), previous.id(), process, output);
            // the other instance runs it, not this one, and its transaction holds the rows written so far
            assertThat(jdbc.sql("SELECT instance FROM jobs.job WHERE id = :id").param("id", caught.job().id().value())
                    .query(String.class).single()).startsWith(process.pid() + "@");
            assertThat(childWritesOpen()).as("the run's transaction is open with rows written").isTrue();
            log.info("Caught the second instance's run at {} of {} steps", caught.job().done(),
                    caught.job().total());
            return new Instance(process, output, caught.run().id(), caught.job().id());
        } catch (Exception | Error e) {
            if (process != null) {
                process.destroyForcibly();
            }
            throw e;
        } finally {
            runner.start();
        }
    }

    /**
     * Moves time past the heartbeat's staleness: this instance's runner fails the job of the instance that stopped
     * beating; the next run settles the run as interrupted, runs and becomes the cycle's results.
     */
    private RunView failStaleThenRunAgain(CycleView cycle, Instance child) {
        clock.advance(Duration.ofMinutes(3));
        RunFixture.await(() -> jobs.find(child.job()).filter(Job::finished).isPresent(), Duration.ofSeconds(20));
        assertThat(jobs.find(child.job()).orElseThrow()).satisfies(job -> {
            assertThat(job.state()).isEqualTo(Job.State.FAILED);
            assertThat(job.problemKey()).isEqualTo("problem.job.interrupted");
        });
        RunView next = RunFixture.runAndWait(cycles, cycle.id()).currentRun().orElseThrow();
        assertThat(next.state()).isEqualTo(RunState.SUCCEEDED);
        assertThat(cycles.runs(cycle.id(), EVALUATOR)).filteredOn(r -> r.id().equals(child.run())).singleElement()
                .satisfies(r -> {
                    assertThat(r.state()).isEqualTo(RunState.FAILED);
                    assertThat(r.problem()).isEqualTo("interrupted");
                });
        return next;
    }

    /** The second instance: its process, its output, and the run it serves. */
    private record Instance(Process process, Path output, UUID run, JobId job) {

        void end() throws IOException {
            if (process.isAlive()) {
                process.destroyForcibly();
            }
            Files.deleteIfExists(output);
        }
    }

    /** Whether a transaction of the second instance has written and stayed open (the run's: the others are short). */
    private boolean childWritesOpen() {
        return jdbc.sql("""
                SELECT count(*) FROM pg_stat_activity WHERE application_name = :name AND backend_xid IS NOT NULL
                    AND xact_start < clock_timestamp() - INTERVAL '500 milliseconds'
                """).param("name", CHILD_APPLICATION).query(Integer.class).single() > 0;
    }

    private static void signal(Process process, String signal) throws IOException, InterruptedException {
        int exit = new ProcessBuilder("kill", "-" + signal, String.valueOf(process.pid())).inheritIO().start()
                .waitFor();
        assertThat(exit).as("kill -" + signal).isZero();
    }

    /** The bloc, bulk-loaded; evaluation rebuilds its facts from the load's event, in a job: waits for them. */
    private UUID loadBloc() {
        UUID root = UUID.randomUUID();
        LocalDate established = LocalDate.of(1995, 1, 10);
        List<UUID> chapters = new ArrayList<>();
        bulk.load(sink -> {
            sink.organization(root, PREFIX, "Đảng bộ Khối " + PREFIX, OrganizationKind.BLOC_COMMITTEE, null,
                    established, null);
            for (int g = 1; g <= GRASSROOTS; g++) {
                UUID grassroots = UUID.randomUUID();
                sink.organization(grassroots, PREFIX + "-" + g, "Đảng bộ Sở " + g,
                        OrganizationKind.GRASSROOTS_COMMITTEE, root, established, null);
                for (int c = 1; c <= CHAPTERS; c++) {
                    UUID chapter = UUID.randomUUID();
                    sink.organization(chapter, PREFIX + "-" + g + "-" + c, "Chi bộ " + g + "." + c,
                            OrganizationKind.CHAPTER, grassroots, established, null);
                    chapters.add(chapter);
                }
            }
            int card = 0;
            for (UUID chapter : chapters) {
                for (int m = 1; m <= MEMBERS; m++) {
                    card++;
                    sink.member(new BulkLoad.Member(UUID.randomUUID(), PREFIX + "-" + card, "Nguyễn", "Văn",
                            "An " + card, LocalDate.of(1970, 4, 12), Sex.MALE, null, LocalDate.of(1998, 5, 19),
                            LocalDate.of(1999, 5, 19), true, null, chapter, MemberStatus.ACTIVE, null, null, null,
                            null));
                }
            }
        });
        RunFixture.await(() -> jdbc.sql("SELECT count(*) FROM evaluation.fact_member WHERE card_number LIKE :p")
                .param("p", PREFIX + "-%").query(Integer.class).single() == GRASSROOTS * CHAPTERS * MEMBERS,
                Duration.ofSeconds(60));
        return root;
    }

    /** The same application in a JVM of its own, on this test's database, starting a run of the cycle. */
    private Process startChild(UUID cycle, Path childLog) throws IOException, SQLException {
        HikariDataSource hikari = dataSource.unwrap(HikariDataSource.class);
        String url = hikari.getJdbcUrl();
        url += (url.contains("?") ? "&" : "?") + "ApplicationName=" + CHILD_APPLICATION;
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElseThrow());
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("-XX:") || a.startsWith("-Xshare") || a.startsWith("-Dfile.encoding"))
                .forEach(command::add);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), KilledRunChild.class.getName(),
                cycle.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(childLog.toFile());
        builder.environment().put("SPRING_DATASOURCE_URL", url);
        builder.environment().put("SPRING_DATASOURCE_USERNAME", String.valueOf(hikari.getUsername()));
        if (hikari.getPassword() != null) {
            builder.environment().put("SPRING_DATASOURCE_PASSWORD", hikari.getPassword());
        }
        return builder.start();
    }

    /**
     * Waits for the other instance's job to have written some but not all of the grassroots organizations (the
     * progress counts a batch once its rows are copied into the run's transaction).
     */
    private Caught catchInTheMiddle(UUID cycle, UUID previous, Process child, Path childLog) {
        AtomicReference<Caught> caught = new AtomicReference<>();
        try {
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(20)).until(() -> {
                if (!child.isAlive()) {
                    throw new AssertionError("The second instance ended (exit " + child.exitValue()
                            + ") before it was killed; its output:\n" + tail(childLog));
                }
                Optional<RunView> run = cycles.runs(cycle, EVALUATOR).stream()
                        .filter(r -> !r.id().equals(previous)).findFirst();
                if (run.isEmpty()) {
                    return false;
                }
                assertThat(run.get().state()).as("the second run ended before it could be killed")
                        .isEqualTo(RunState.RUNNING);
                Optional<Job> job = Optional.ofNullable(run.get().job()).flatMap(id -> jobs.find(new JobId(id)));
                if (job.isPresent() && job.get().state() == Job.State.RUNNING
                        && job.get().done() >= job.get().total() / 3 && job.get().done() < job.get().total() - 1) {
                    caught.set(new Caught(run.get(), job.get()));
                    return true;
                }
                return false;
            });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("The second instance's run was not seen in the middle; its output:\n"
                    + tail(childLog), e);
        }
        return caught.get();
    }

    /** The other instance's run and its job, seen in the middle. */
    private record Caught(RunView run, Job job) {
    }

    private int childConnections() {
        return jdbc.sql("SELECT count(*) FROM pg_stat_activity WHERE application_name = :name")
                .param("name", CHILD_APPLICATION).query(Integer.class).single();
    }

    private int count(String sql, UUID run) {
        return jdbc.sql(sql).param("run", run).query(Integer.class).single();
    }

    /** A run's stored ratings in one line: how many, and a hash of every subject's level and explanation. */
    private String ratings(UUID run) {
        return jdbc.sql("""
                SELECT count(*) || ':' || coalesce(md5(string_agg(concat_ws('|', subject_id, level, excluded,
                    pending, decisive_rule, explanation::text), ',' ORDER BY subject_id)), '')
                FROM evaluation.rating WHERE run_id = :run
                """).param("run", run).query(String.class).single();
    }

    private static String tail(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }
}

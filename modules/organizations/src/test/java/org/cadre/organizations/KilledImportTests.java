package org.cadre.organizations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.cadre.organizations.testing.TestTree;
import org.cadre.organizations.testing.Workbooks;
import org.cadre.platform.Caller;
import org.cadre.platform.Job;
import org.cadre.platform.JobId;
import org.cadre.platform.Jobs;
import org.cadre.platform.Role;
import org.cadre.platform.testing.MutableClock;
import org.cadre.platform.testing.SecondInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The instance that runs an import dies in the middle of it (SIGKILL, a second JVM on the same database, as two
 * instances in production): none of the file's members exists, the page on the surviving instance showed the
 * progress while the other instance ran the job, the orphaned job is failed once its heartbeat is stale, and
 * importing the file again imports every row. (That no event of a rolled-back import is published is evaluation's
 * {@code KilledListenerTests}: this module alone has no listener, so no publication.) Heavy: a second JVM and 3,600
 * rows, about a minute.
 */
@OrganizationsModuleTest
class KilledImportTests {

    private static final Logger log = LoggerFactory.getLogger(KilledImportTests.class);
    private static final int ROWS = 3_600;
    private static final Caller ADMIN = Caller.of("killed-importer", Role.ADMIN);

    @Autowired
    Organizations organizations;
    @Autowired
    Members members;
    @Autowired
    Jobs jobs;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    MutableClock clock;
    @Autowired
    ApplicationContext context;
    @Autowired
    MockMvc mvc;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void anImportWhoseInstanceIsKilledHalfwayWritesNothingAndRunsAgainInFull() throws Exception {
        TestTree tree = new TestTree(organizations, members);
        List<String> chapters = tree.chapters(12);
        byte[] workbook = Workbooks.members(tree.prefix, chapters, ROWS);
        String cards = tree.prefix + "-%";
        int membersBefore = count("SELECT count(*) FROM organizations.member");
        long started = System.nanoTime();

        // this instance queues the upload with its runner paused, so that the other instance takes the job
        SmartLifecycle runner = context.getBean("jobRunner", SmartLifecycle.class);
        JobId job;
        Job caught;
        String page;
        runner.stop();
        try (SecondInstance other = SecondInstance.start(dataSource, ImportInstance.class)) {
            try {
                job = upload(workbook);
                caught = Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(20))
                        .until(() -> {
                            other.requireAlive();
                            return jobs.find(job).orElseThrow();
                        }, j -> j.state() == Job.State.RUNNING && j.done() >= j.total() / 3
                                && j.done() < j.total() - 100);
                assertThat(jdbc.sql("SELECT instance FROM jobs.job WHERE id = :id").param("id", job.value())
                        .query(String.class).single()).as("the other instance runs it")
                        .startsWith(other.jobInstancePrefix());
                assertThat(other.writing(jdbc)).as("its transaction is open with rows written").isTrue();
                // the page on this instance shows the other one's progress, and keeps polling
                page = statusPage(job);
                assertThat(page).contains("import-progress").contains("every 500ms").doesNotContain("import-done");
            } finally {
                runner.start();
            }
            long caughtAt = System.nanoTime();
            other.kill();
            // the server has seen its connections go and rolled their transactions back
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> other.connections(jdbc) == 0);
            log.info("Killed import: the other instance was killed at {} of {} rows, {} ms after it was started",
                    caught.done(), caught.total(), (caughtAt - started) / 1_000_000);
        }

        // all or nothing: none of the file's members
        assertThat(count("SELECT count(*) FROM organizations.member WHERE card_number LIKE '" + cards + "'")).isZero();
        assertThat(count("SELECT count(*) FROM organizations.member")).isEqualTo(membersBefore);
        // the job is still the other instance's until its heartbeat is stale (sending the file again meanwhile
        // shows that job); then it is failed, not left running
        assertThat(jobs.find(job).orElseThrow().state()).isEqualTo(Job.State.RUNNING);
        assertThat(upload(workbook)).isEqualTo(job);
        clock.advance(Duration.ofMinutes(3));
        Job failed = Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> jobs.find(job).orElseThrow(),
                Job::finished);
        assertThat(failed.state()).isEqualTo(Job.State.FAILED);
        assertThat(failed.problemKey()).isEqualTo("problem.job.interrupted");
        assertThat(statusPage(job)).contains("import-failed").doesNotContain("every 500ms");
        clock.reset();

        // the same file again, on this instance: every row
        JobId again = upload(workbook);
        assertThat(again).isNotEqualTo(job);
        Job done = Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                .until(() -> jobs.find(again).orElseThrow(), Job::finished);
        assertThat(done.state()).as("%s %s", done.problemKey(), done.problemArguments())
                .isEqualTo(Job.State.SUCCEEDED);
        assertThat(statusPage(again)).contains("import-done");
        assertThat(count("SELECT count(*) FROM organizations.member WHERE card_number LIKE '" + cards + "'"))
                .isEqualTo(ROWS);
        log.info("Killed import: killed, failed and imported again in {} ms in all",
                (System.nanoTime() - started) / 1_000_000);
    }

    private JobId upload(byte[] workbook) throws Exception {
        String location = mvc.perform(multipart("/organizations/import")
                        .file(new MockMultipartFile("file", "members.xlsx", "application/octet-stream", workbook))
                        .param("kind", "MEMBERS").param("mode", "run").with(importer()).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/organizations/import/jobs/");
        return new JobId(UUID.fromString(location.substring(location.lastIndexOf('/') + 1)));
    }

    private String statusPage(JobId job) throws Exception {
        return mvc.perform(get("/organizations/import/jobs/{id}/status", job.value()).with(importer()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private static RequestPostProcessor importer() {
        return Callers.as(ADMIN);
    }

    private int count(String sql) {
        return jdbc.sql(sql).query(Integer.class).single();
    }
}

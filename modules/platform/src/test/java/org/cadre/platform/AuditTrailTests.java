package org.cadre.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.awaitility.Awaitility;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit trail: an audited event records who, what and when in the transaction of the change (and vanishes with
 * it when the change rolls back); a job's change names the user who submitted the job; PostgreSQL itself refuses to
 * change or delete a line; administrators alone read it, escaped, and export it as text.
 */
@PlatformModuleTest
class AuditTrailTests {

    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;
    @Autowired
    Jobs jobs;
    @Autowired
    CurrentCaller callers;

    /** A change worth auditing, as a module's event would be. */
    record SomethingDecided(UUID thing, UUID organization, String reason) implements Audited {
        @Override
        public AuditLine audit() {
            return AuditLine.of("platform.test-decided", thing, organization, reason, java.time.LocalDate.of(2017, 12, 4));
        }
    }

    @Test
    void aCommittedChangeRecordsWhoWhatAndWhen() {
        UUID thing = UUID.randomUUID();
        UUID organization = UUID.randomUUID();
        Caller secretary = Caller.of("bi-thu-" + thing.toString().substring(0, 8), Role.SECRETARY, Role.MEMBER);

        callers.as(secretary, () -> new TransactionTemplate(transactions).execute(tx -> {
            events.publishEvent(new SomethingDecided(thing, organization, "vắng họp 3 lần")); // the change
            return null;
        }));

        Map<String, Object> row = jdbc.sql("SELECT * FROM audit.entry WHERE target = :t").param("t", thing.toString())
                .query().singleRow();
        assertThat(row).containsEntry("username", secretary.username()).containsEntry("roles", "MEMBER,SECRETARY")
                .containsEntry("module", "platform").containsEntry("kind", "platform.test-decided")
                .containsEntry("organization", organization)
                .containsEntry("arguments", "[\"vắng họp 3 lần\",\"04/12/2017\"]");
        assertThat(row.get("recorded_at")).isNotNull();
    }

    @Test
    void aRolledBackChangeLeavesNoLine() {
        UUID thing = UUID.randomUUID();
        assertThatThrownBy(() -> callers.as(Caller.of("danh-gia", Role.EVALUATOR),
                () -> new TransactionTemplate(transactions).execute(tx -> {
                    events.publishEvent(new SomethingDecided(thing, null, "bị hủy"));
                    throw new IllegalStateException("the change fails after its event");
                }))).hasMessageContaining("the change fails");

        assertThat(lines(thing)).isZero();
    }

    @Test
    void aJobsChangeNamesTheUserWhoSubmittedIt() {
        UUID thing = UUID.randomUUID();
        Caller evaluator = Caller.of("danh-gia-" + thing.toString().substring(0, 8), Role.EVALUATOR);

        jobs.submit(AuditedJob.KIND, evaluator, thing.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                Map.of());

        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> lines(thing) == 1);
        assertThat(jdbc.sql("SELECT username FROM audit.entry WHERE target = :t").param("t", thing.toString())
                .query(String.class).single()).isEqualTo(evaluator.username());
    }

    @Test
    void postgresRefusesToChangeOrDeleteALine() {
        UUID thing = UUID.randomUUID();
        new TransactionTemplate(transactions).executeWithoutResult(tx ->
                events.publishEvent(new SomethingDecided(thing, null, "giữ nguyên")));

        for (String change : List.of("UPDATE audit.entry SET username = 'ai-do' WHERE target = :t",
                "DELETE FROM audit.entry WHERE target = :t")) {
            assertThatThrownBy(() -> new TransactionTemplate(transactions).executeWithoutResult(tx ->
                    jdbc.sql(change).param("t", thing.toString()).update()))
                    .hasStackTraceContaining("the audit trail is append-only");
        }
        assertThatThrownBy(() -> new TransactionTemplate(transactions).executeWithoutResult(tx ->
                jdbc.sql("TRUNCATE audit.entry").update())).hasStackTraceContaining("the audit trail is append-only");

        assertThat(jdbc.sql("SELECT username FROM audit.entry WHERE target = :t").param("t", thing.toString())
                .query(String.class).single()).isEmpty(); // no user asked: the system's line, unchanged
    }

    @Test
    void administratorsReadTheTrailEscapedOthersAreRefused() throws Exception {
        UUID thing = UUID.randomUUID();
        String user = "quan-tri-" + thing.toString().substring(0, 8);
        callers.as(Caller.of(user, Role.ADMIN), () -> new TransactionTemplate(transactions).execute(tx -> {
            events.publishEvent(new SomethingDecided(thing, null, "<script>alert(1)</script>"));
            return null;
        }));
        var admin = authentication(new CallerAuthentication(Caller.of("quan-tri", Role.ADMIN)));

        mvc.perform(get("/admin/audit").param("user", user).with(admin))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(thing.toString())))
                .andExpect(content().string(Matchers.containsString("&lt;script&gt;alert(1)&lt;/script&gt;")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("<script>alert(1)"))))
                .andExpect(content().string(Matchers.containsString("1 dòng khớp bộ lọc")));
        mvc.perform(get("/admin/audit").param("user", user).param("kind", "platform.test-decided")
                        .param("from", "01/01/2000").header("Accept-Language", "en").with(admin))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(thing.toString())));
        mvc.perform(get("/admin/audit").param("user", "nobody-" + thing).with(admin))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("id=\"audit-none\"")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("<code>" + thing + "</code>"))));
        for (Role role : List.of(Role.EVALUATOR, Role.SECRETARY, Role.RULE_ADMIN, Role.MEMBER)) {
            var other = authentication(new CallerAuthentication(Caller.of("khac", role)));
            mvc.perform(get("/admin/audit").with(other)).andExpect(status().isForbidden());
            mvc.perform(get("/admin/audit.xlsx").with(other)).andExpect(status().isForbidden());
        }
    }

    @Test
    void theExportOpensWithTheLinesAsText() throws Exception {
        UUID thing = UUID.randomUUID();
        String user = "quan-tri-" + thing.toString().substring(0, 8);
        callers.as(Caller.of(user, Role.ADMIN), () -> new TransactionTemplate(transactions).execute(tx -> {
            events.publishEvent(new SomethingDecided(thing, null, "=HYPERLINK(\"http://x\")"));
            events.publishEvent(new SomethingDecided(UUID.randomUUID(), null, "@SUM(1)"));
            return null;
        }));
        var admin = authentication(new CallerAuthentication(Caller.of("quan-tri", Role.ADMIN)));

        byte[] workbook = mvc.perform(get("/admin/audit.xlsx").param("user", user)
                        .param("module", "").param("from", "").param("to", "").with(admin))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();

        List<List<String>> rows = new ArrayList<>();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
            Sheet sheet = book.getSheetAt(0);
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                for (Cell cell : row) {
                    assertThat(cell.getCellType()).isEqualTo(CellType.STRING);
                    cells.add(cell.getStringCellValue());
                }
                rows.add(cells);
            }
        }
        assertThat(rows).hasSize(3); // the heading and the two lines of this user, newest first
        assertThat(rows.get(0)).contains("Người dùng", "Nội dung");
        assertThat(rows.get(2)).contains(user, "platform.test-decided", thing.toString());
        assertThat(String.join(" ", rows.get(2))).contains("=HYPERLINK(\"http://x\")");
        assertThat(String.join(" ", rows.get(1))).contains("@SUM(1)");
    }

    private long lines(UUID thing) {
        return jdbc.sql("SELECT count(*) FROM audit.entry WHERE target = :t").param("t", thing.toString())
                .query(Long.class).single();
    }

    /** A job whose work is an audited change: the target is the job's input. */
    @TestConfiguration(proxyBeanMethods = false)
    static class AuditedJob {

        static final String KIND = "test.audited";

        @Bean
        JobHandler auditedJob(ApplicationEventPublisher events, PlatformTransactionManager transactions) {
            return new JobHandler() {
                @Override
                public String kind() {
                    return KIND;
                }

                @Override
                public Object run(JobContext job) {
                    UUID thing = UUID.fromString(new String(job.input(), java.nio.charset.StandardCharsets.UTF_8));
                    new TransactionTemplate(transactions).executeWithoutResult(tx ->
                            events.publishEvent(new SomethingDecided(thing, null, "chạy nền")));
                    return "done";
                }
            };
        }
    }
}

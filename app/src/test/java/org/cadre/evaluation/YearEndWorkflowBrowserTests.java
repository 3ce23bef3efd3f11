package org.cadre.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.cadre.identity.NewUserAccount;
import org.cadre.identity.UserAccounts;
import org.cadre.identity.testing.TestUsers;
import org.cadre.organizations.Organizations;
import org.cadre.platform.Role;
import org.cadre.ratingrules.PackState;
import org.cadre.ratingrules.PackVersion;
import org.cadre.ratingrules.RulePackRegistry;
import org.cadre.support.Browser;
import org.cadre.support.CadreTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One year-end cycle from the first page to the signed decision, in the browser and in Vietnamese, as each person
 * does their part: the rule administrators' version of the 2014–2017 pack with the HTXSNV quota the committee asked
 * for (20% of HTTNV in each grassroots organization); evaluation staff open the 2017 cycle of one grassroots
 * organization of the demo bloc; a member of it writes and submits their self-assessment on a phone; their chapter's
 * secretary reads it and proposes a level; staff run the classification and follow it to its end; the quota case the
 * run opened is calibrated (who keeps the level, the reason, the votes; the others move down); the competent level
 * signs the members' list, and its decision document downloads as a PDF in the statutory shape with the number and
 * the levels; the member reads the decided level and appeals within the window; staff re-examine and decide it.
 *
 * <p>The grassroots organization is the demo's smallest with chapters under it where the demo's own 2017 run proposes
 * more HTXSNV than the quota allows, so the case is real, not arranged.
 */
@CadreTest
class YearEndWorkflowBrowserTests {

    private static final Logger log = LoggerFactory.getLogger(YearEndWorkflowBrowserTests.class);
    private static final int YEAR = 2017;
    private static final String PACK = "hd27-2014";
    private static final String QUOTA_PARAMETER = """
              - name: quotaShare
                type: share
                default: "20%"
                label: { vi: "Số đảng viên HTXSNV không vượt quá tỷ lệ này của số đảng viên HTTNV trong mỗi tổ chức cơ sở đảng", en: "Members rated HTXSNV at most this share of those rated HTTNV in each grassroots organization" }
                article: "Theo yêu cầu của cấp ủy (kiểm thử quy trình cuối năm)"
            """;
    private static final String QUOTA = """
            quotas:
              - id: M14-QUOTA-T
                subject: MEMBER
                level: HTXSNV
                base: HTTNV
                share: quotaShare
                per: GRASSROOTS_ORGANIZATION
                demoteTo: HTTNV
                article: "Theo yêu cầu của cấp ủy (kiểm thử quy trình cuối năm)"
            """;
    private static final String FETCH_BYTES = "const cb = arguments[arguments.length - 1];"
            + " fetch(arguments[0]).then(r => r.arrayBuffer()).then(b => { const a = new Uint8Array(b); let s = '';"
            + " for (let i = 0; i < a.length; i++) { s += String.fromCharCode(a[i]); } cb(btoa(s)); })"
            + ".catch(e => cb('error ' + e));";

    @LocalServerPort
    int port;
    @Autowired
    UserAccounts accounts;
    @Autowired
    Organizations organizations;
    @Autowired
    Cycles cycles;
    @Autowired
    RulePackRegistry registry;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aWholeCycleFromSelfAssessmentToTheSignedDecisionAndAnAppeal() throws Exception {
        CycleView bloc = DemoCycleReady.await(cycles, organizations, jdbc);
        Grassroots g = grassrootsOverQuota(bloc);
        log.info("Workflow on {} ({} members; {} proposed HTXSNV, {} allowed), member {} of chapter {}", g.name(),
                g.members(), g.proposed(), g.allowed(), g.memberName(), g.chapter());

        PackVersion active = registry.versions(PACK).stream().filter(v -> v.state() == PackState.ACTIVE)
                .findFirst().orElseThrow();
        PackVersion withQuota = quotaVersion(active);
        try {
            walkTheCycle(g);
        } finally {
            // the other tests of this context open 2017 cycles on the shipped version
            registry.rollback(PACK, active.version(), "workflow-test");
        }
        assertThat(withQuota.version()).isGreaterThan(active.version());
    }

    private void walkTheCycle(Grassroots g) throws Exception {
        String staff = account("e", "Cán bộ đánh giá quy trình", Role.EVALUATOR, null, null);
        String secretary = account("s", "Bí thư chi bộ quy trình", Role.SECRETARY, g.chapter(), null);
        String member = account("m", g.memberName(), Role.MEMBER, null, g.member());
        UUID cycle;

        // 1. staff open the 2017 cycle of the grassroots organization
        try (Browser browser = Browser.start("vi")) {
            WebDriver page = desktop(browser);
            WebDriverWait wait = new WebDriverWait(page, Duration.ofSeconds(15));
            browser.signInAt(base() + "/evaluation/cycles", staff, TestUsers.PASSWORD);
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("open-cycle")));
            WebElement year = page.findElement(By.id("year"));
            year.clear();
            year.sendKeys(String.valueOf(YEAR));
            new Select(page.findElement(By.id("scope"))).selectByValue(g.id().toString());
            page.findElement(By.id("open-submit")).click();
            wait.until(ExpectedConditions.urlMatches("/evaluation/cycles/[0-9a-f-]{36}$"));
            cycle = UUID.fromString(page.getCurrentUrl().substring(page.getCurrentUrl().lastIndexOf('/') + 1));
            assertThat(text(page, "h1")).contains(String.valueOf(YEAR)).contains(g.name());
        }
        CycleView opened = cycles.find(cycle, DemoCycleReady.STAFF).orElseThrow();
        assertThat(opened.packVersion()).as("the cycle pins the version with the quota").isGreaterThan(1);

        // 2. the member writes and submits their self-assessment, on a phone
        try (Browser browser = Browser.start("vi")) {
            WebDriver page = browser.driver();
            WebDriverWait wait = new WebDriverWait(page, Duration.ofSeconds(15));
            browser.signInAt(base() + "/evaluation/self-assessment", member, TestUsers.PASSWORD);
            wait.until(ExpectedConditions.elementToBeClickable(
                    By.cssSelector("a[href$='/evaluation/cycles/" + cycle + "/self-assessment']"))).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("strengths")));
            page.findElement(By.id("strengths")).sendKeys("Hoàn thành các chỉ tiêu được giao trước thời hạn.");
            page.findElement(By.id("shortcomings")).sendKeys("Có lúc chậm báo cáo tiến độ với chi bộ.");
            page.findElement(By.id("remedies")).sendKeys("Báo cáo tiến độ hằng tháng tại buổi sinh hoạt chi bộ.");
            page.findElement(By.cssSelector("#self-level input[value='HTXSNV']")).click();
            assertNoHorizontalOverflow(page, "the self-assessment form");
            page.findElement(By.cssSelector("button[name='action'][value='submit']")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("self-status"), "Đã nộp"));
            assertThat(page.findElements(By.cssSelector("button[name='action'][value='submit']"))).isEmpty();
            shot(browser, "workflow-self-assessment-phone.png");
        }

        // 3. the chapter's secretary reads it and proposes a level (before any run: with the chapter's reason)
        try (Browser browser = Browser.start("vi")) {
            WebDriver page = desktop(browser);
            WebDriverWait wait = new WebDriverWait(page, Duration.ofSeconds(15));
            browser.signInAt(base() + "/evaluation/cycles/" + cycle + "/review", secretary, TestUsers.PASSWORD);
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("review-rows")));
            page.findElement(By.cssSelector("#review-" + g.card() + " a")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("review-self")));
            assertThat(text(page, "#review-self")).contains("Hoàn thành các chỉ tiêu được giao trước thời hạn.");
            page.findElement(By.id("comment")).sendKeys("Gương mẫu, hoàn thành tốt các nhiệm vụ được giao.");
            page.findElement(By.cssSelector("#review-level input[value='HTXSNV']")).click();
            page.findElement(By.id("reason")).sendKeys("Chi bộ thống nhất đề xuất theo kết quả công tác cả năm.");
            page.findElement(By.cssSelector("button[name='action'][value='propose']")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("review-status"), "Đã đề xuất"));
            assertThat(text(page, "main")).doesNotContain("??");
        }

        // 4. staff run the classification, then calibrate the quota case the run opened
        UUID run;
        try (Browser browser = Browser.start("vi")) {
            WebDriver page = desktop(browser);
            WebDriverWait wait = new WebDriverWait(page, Duration.ofSeconds(15));
            browser.signInAt(base() + "/evaluation/cycles/" + cycle, staff, TestUsers.PASSWORD);
            wait.until(ExpectedConditions.elementToBeClickable(By.id("run-submit"))).click();
            new WebDriverWait(page, Duration.ofMinutes(2)).pollingEvery(Duration.ofMillis(100))
                    .withMessage("the run finished on the page").until(YearEndWorkflowBrowserTests::runFinished);
            assertThat(page.findElements(By.id("run-failed"))).isEmpty();
            run = cycles.find(cycle, DemoCycleReady.STAFF).flatMap(CycleView::currentRun).map(RunView::id)
                    .orElseThrow();
            Case quota = quotaCase(run, g);
            assertThat(quota.candidates()).as("the run proposes the member for the level").contains(g.member());

            page.findElement(By.id("calibrations-link")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("calibration-list")));
            page.findElement(By.cssSelector("#case-" + quota.id() + " a")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("calibration-candidates")));
            // the committee keeps as many as the quota allows, the member not among them
            List<UUID> keepers = quota.candidates().stream().filter(s -> !s.equals(g.member()))
                    .limit(quota.allowed()).toList();
            keepers.forEach(k -> page.findElement(By.id("keep-" + k)).click());
            page.findElement(By.id("reason")).sendKeys("Ban thường vụ biểu quyết chọn người có thành tích nổi bật.");
            page.findElement(By.id("votesFor")).sendKeys("5");
            page.findElement(By.id("votesAgainst")).sendKeys("1");
            page.findElement(By.id("votesAbstain")).sendKeys("0");
            page.findElement(By.id("calibration-decide")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("calibration-decision")));
            assertThat(text(page, "#decision-reason")).contains("thành tích nổi bật");
            assertThat(level(run, g.member())).as("the member moved down one level").isEqualTo("HTTNV");
            keepers.forEach(k -> assertThat(level(run, k)).isEqualTo("HTXSNV"));
            shot(browser, "workflow-calibration-desktop.png");

            // 5. the competent level signs the members' list; its document downloads in the statutory shape
            page.get(base() + "/evaluation/cycles/" + cycle);
            wait.until(ExpectedConditions.elementToBeClickable(By.id("cycle-decisions"))).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("decision-lists")));
            UUID list = jdbc.sql("SELECT decision_id FROM evaluation.decision WHERE cycle_id = ? AND organization_id = ?"
                    + " AND kind = 'MEMBER'").params(cycle, g.id()).query(UUID.class).single();
            page.findElement(By.cssSelector("#list-" + list + " a[href$='/decisions/" + list + "']")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("decision-items")));
            assertThat(page.findElements(By.id("calibration-pending"))).as("no quota case left open").isEmpty();
            page.findElement(By.id("number")).sendKeys("15-QĐ/ĐU");
            page.findElement(By.cssSelector("#sign-form button[type='submit']")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("signed")));
            assertThat(text(page, "#signed")).contains("15-QĐ/ĐU").contains(staff);
            assertThat(page.findElements(By.id("sign-form"))).as("a signed list is locked").isEmpty();
            String pdf = pdfText(page, page.findElement(By.id("decision-document")).getAttribute("href"));
            assertThat(pdf).contains("QUYẾT ĐỊNH").contains("15-QĐ/ĐU").contains("ĐẢNG CỘNG SẢN VIỆT NAM")
                    .contains(String.valueOf(YEAR)).contains(g.memberName()).contains("Hoàn thành tốt nhiệm vụ")
                    .contains("BÍ THƯ").doesNotContain("DỰ THẢO");
            shot(browser, "workflow-decision-desktop.png");
        }

        // 6. the member reads the decided level on a phone and appeals it within the window
        UUID appeal;
        try (Browser browser = Browser.start("vi")) {
            WebDriver page = browser.driver();
            WebDriverWait wait = new WebDriverWait(page, Duration.ofSeconds(15));
            browser.signInAt(base() + "/evaluation/my-ratings", member, TestUsers.PASSWORD);
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("decided-" + cycle)));
            assertThat(text(page, "#decided-" + cycle)).contains("Hoàn thành tốt nhiệm vụ");
            page.findElement(By.id("appeal-" + cycle)).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("grounds")));
            page.findElement(By.id("grounds")).sendKeys("Tôi đề nghị xem xét lại vì đã hoàn thành vượt các chỉ tiêu.");
            page.findElement(By.cssSelector("#appeal-form button[type='submit']")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[id^='my-appeal-']")));
            String id = page.findElement(By.cssSelector("[id^='my-appeal-']")).getAttribute("id");
            appeal = UUID.fromString(id.substring("my-appeal-".length()));
            assertNoHorizontalOverflow(page, "my ratings with an appeal");
            shot(browser, "workflow-appeal-phone.png");
        }

        // 7. staff re-examine and decide the appeal; the member sees the outcome
        try (Browser browser = Browser.start("vi")) {
            WebDriver page = desktop(browser);
            WebDriverWait wait = new WebDriverWait(page, Duration.ofSeconds(15));
            browser.signInAt(base() + "/evaluation/cycles/" + cycle + "/appeals/" + appeal, staff,
                    TestUsers.PASSWORD);
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("decide-form")));
            assertThat(text(page, "#appeal-grounds")).contains("vượt các chỉ tiêu");
            page.findElement(By.cssSelector("#decide-form input[value='UPHELD']")).click();
            page.findElement(By.cssSelector("#decide-form #reason"))
                    .sendKeys("Tỷ lệ HTXSNV của đảng bộ đã đủ; giữ nguyên mức đã quyết định.");
            page.findElement(By.cssSelector("#decide-form button[type='submit']")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("appeal-outcome")));
            assertThat(page.findElements(By.id("decide-form"))).isEmpty();
        }
        assertThat(jdbc.sql("SELECT count(*) FROM evaluation.appeal_step WHERE appeal_id = ?").param(appeal)
                .query(Integer.class).single()).as("filed and decided, both audited").isGreaterThanOrEqualTo(2);
        assertThat(jdbc.sql("SELECT level FROM evaluation.decided_rating WHERE cycle_id = ? AND subject_id = ?")
                .params(cycle, g.member()).query(String.class).single()).isEqualTo("HTTNV");
    }

    /** The rule administrators' new version: the shipped pack with the quota added, validated and activated. */
    private PackVersion quotaVersion(PackVersion active) {
        String yaml = new String(registry.files(PACK, active.version()).get("pack.yaml"), StandardCharsets.UTF_8);
        assertThat(yaml).contains("\nparameters:\n").doesNotContain("\nquotas:");
        String changed = yaml.replace("\nparameters:\n", "\nparameters:\n" + QUOTA_PARAMETER)
                + (yaml.endsWith("\n") ? "" : "\n") + QUOTA;
        PackVersion saved = registry.saveFile(PACK, active.version(), "pack.yaml",
                changed.getBytes(StandardCharsets.UTF_8), "workflow-test");
        assertThat(saved.valid()).as("the version with the quota validates: %s", saved.report()).isTrue();
        return registry.activate(PACK, saved.version(), "workflow-test");
    }

    /**
     * The smallest grassroots committee with chapters, where the demo bloc's 2017 run proposes more members for
     * HTXSNV than 20% of its HTTNV (at least one allowed), and one of those members who sits in a chapter.
     */
    private Grassroots grassrootsOverQuota(CycleView bloc) {
        UUID run = bloc.currentRun().map(RunView::id).orElseGet(() -> {
            cycles.classify(bloc.id(), DemoCycleReady.STAFF);
            DemoCycleReady.until(() -> cycles.find(bloc.id(), DemoCycleReady.STAFF)
                    .flatMap(CycleView::currentRun).isPresent(), Duration.ofMinutes(3));
            return cycles.find(bloc.id(), DemoCycleReady.STAFF).flatMap(CycleView::currentRun).orElseThrow().id();
        });
        return jdbc.sql("""
                WITH counts AS (
                  SELECT r.grassroots_id AS g, count(*) AS members,
                         count(*) FILTER (WHERE r.level = 'HTXSNV') AS xs,
                         count(*) FILTER (WHERE r.level = 'HTTNV') AS tt
                  FROM evaluation.rating r WHERE r.run_id = :run AND r.subject = 'MEMBER' GROUP BY r.grassroots_id)
                SELECT o.id, o.name, c.members, c.xs, floor(c.tt * 0.2)::int AS allowed,
                       m.subject_id AS member, m.organization_id AS chapter, p.full_name, p.card_number
                FROM counts c
                JOIN organizations.organization o ON o.id = c.g AND o.kind = 'GRASSROOTS_COMMITTEE'
                CROSS JOIN LATERAL (
                  SELECT r.subject_id, r.organization_id FROM evaluation.rating r
                  WHERE r.run_id = :run AND r.grassroots_id = c.g AND r.subject = 'MEMBER' AND r.level = 'HTXSNV'
                    AND r.organization_id <> c.g ORDER BY r.subject_id LIMIT 1) m
                JOIN evaluation.fact_member p ON p.member_id = m.subject_id
                WHERE c.xs > floor(c.tt * 0.2) AND floor(c.tt * 0.2) >= 1
                ORDER BY c.members, o.code LIMIT 1
                """).param("run", run).query((rs, i) -> new Grassroots(rs.getObject("id", UUID.class),
                rs.getString("name"), rs.getInt("members"), rs.getInt("xs"), rs.getInt("allowed"),
                rs.getObject("member", UUID.class), rs.getObject("chapter", UUID.class), rs.getString("full_name"),
                rs.getString("card_number"))).single();
    }

    private Case quotaCase(UUID run, Grassroots g) {
        return jdbc.sql("SELECT case_id, allowed, subjects FROM evaluation.calibration_case WHERE run_id = ?"
                + " AND group_id = ? AND level = 'HTXSNV'").params(run, g.id().toString())
                .query((rs, i) -> new Case(rs.getObject("case_id", UUID.class), rs.getInt("allowed"),
                        List.of((UUID[]) rs.getArray("subjects").getArray()))).single();
    }

    private String level(UUID run, UUID subject) {
        return jdbc.sql("SELECT level FROM evaluation.calibrated_rating WHERE run_id = ? AND subject_id = ?")
                .params(run, subject).query(String.class).single();
    }

    private String account(String prefix, String name, Role role, UUID organization, UUID member) {
        String login = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(new NewUserAccount(login, TestUsers.PASSWORD, name, Set.of(role), organization, member));
        return login;
    }

    private static WebDriver desktop(Browser browser) {
        WebDriver page = browser.driver();
        page.manage().window().setSize(new Dimension(1280, 900));
        return page;
    }

    /** The page shows the run that was asked for as finished: no polling left, its summary drawn. */
    private static boolean runFinished(WebDriver page) {
        try {
            List<WebElement> status = page.findElements(By.id("run-status"));
            List<WebElement> rows = page.findElements(By.cssSelector("#runs tbody tr"));
            return !status.isEmpty() && status.get(0).getAttribute("hx-get") == null
                    && !page.findElements(By.id("run-summary")).isEmpty()
                    && rows.size() == 1 && !rows.get(0).getText().contains("Đang chạy");
        } catch (StaleElementReferenceException reloaded) {
            return false;
        }
    }

    /** The PDF behind a link, fetched in the signed-in session, as its text in composed form. */
    private static String pdfText(WebDriver page, String url) throws IOException {
        page.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        String base64 = String.valueOf(((JavascriptExecutor) page).executeAsyncScript(FETCH_BYTES, url));
        assertThat(base64).doesNotStartWith("error");
        byte[] pdf = Base64.getDecoder().decode(base64);
        assertThat(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        PdfReader reader = new PdfReader(pdf);
        try {
            PdfTextExtractor extractor = new PdfTextExtractor(reader);
            List<String> pages = new ArrayList<>();
            for (int p = 1; p <= reader.getNumberOfPages(); p++) {
                pages.add(extractor.getTextFromPage(p));
            }
            return Normalizer.normalize(String.join("\n", pages), Normalizer.Form.NFC);
        } finally {
            reader.close();
        }
    }

    private static void assertNoHorizontalOverflow(WebDriver page, String what) {
        Object fits = ((JavascriptExecutor) page).executeScript(
                "return document.documentElement.scrollWidth <= window.innerWidth + 1;");
        assertThat(fits).as("%s fits the phone's width", what).isEqualTo(Boolean.TRUE);
    }

    private static String text(WebDriver page, String css) {
        return page.findElement(By.cssSelector(css)).getText();
    }

    private static void shot(Browser browser, String name) throws IOException {
        Path shot = Path.of("target", "screenshots", name);
        Files.createDirectories(shot.getParent());
        Files.write(shot, browser.driver().getScreenshotAs(OutputType.BYTES));
    }

    private String base() {
        return "http://localhost:" + port;
    }

    /** The grassroots organization of the walk, its quota figures in the demo run, and the member who walks it. */
    private record Grassroots(UUID id, String name, int members, int proposed, int allowed, UUID member,
            UUID chapter, String memberName, String card) {
    }

    private record Case(UUID id, int allowed, List<UUID> candidates) {
    }
}

package org.cadre.ratingrules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.cadre.identity.UserAccounts;
import org.cadre.identity.testing.TestUsers;
import org.cadre.platform.Role;
import org.cadre.ratingrules.facts.Proposal;
import org.cadre.ratingrules.testing.TestPacks.TestPack;
import org.cadre.ratingrules.testing.TestPacks;
import org.cadre.support.Browser;
import org.cadre.support.CadreTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A rule administrator in a headless Chromium: edit a parameter, validate, run scenarios, activate, roll back. */
@CadreTest
class RulePackBrowserTests {

    @LocalServerPort
    int port;
    @Autowired
    UserAccounts accounts;
    @Autowired
    RatingRules rules;
    @Autowired
    RulePackRegistry registry;

    @Test
    void editAParameterValidateRunScenariosActivateAndRollBack() throws Exception {
        TestPack pack = TestPacks.fresh();
        registry.upload(pack.zip(), "test");
        registry.activate(pack.id(), 1, "test");
        String user = TestUsers.create(accounts, Role.RULE_ADMIN);
        try (Browser browser = Browser.start("vi")) {
            WebDriver page = browser.driver();
            WebDriverWait wait = new WebDriverWait(page, Duration.ofSeconds(20));
            browser.signInAt(base() + "/rule-packs", user, TestUsers.PASSWORD);
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Bộ quy tắc xếp loại"));
            page.findElement(By.linkText(pack.id())).click();
            page.findElement(By.linkText("1")).click();
            wait.until(ExpectedConditions.attributeToBe(By.id("state"), "data-state", "ACTIVE"));

            // the parameter form, generated from the declarations, decimals the Vietnamese way; previewed first
            page.findElement(By.id("parameters-link")).click();
            WebElement threshold = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("p-minAttendance")));
            assertThat(threshold.getDomProperty("value")).isEqualTo("0,8");
            threshold.clear();
            threshold.sendKeys("0,6");
            page.findElement(By.id("preview-parameters")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("preview"),
                    "Tỷ lệ dự họp tối thiểu: 0,8 → 0,6"));
            page.findElement(By.id("save-parameters")).click();
            wait.until(ExpectedConditions.textToBe(By.id("notice"), "Đã lưu phiên bản 2."));
            assertThat(page.findElement(By.id("state")).getDomAttribute("data-state")).isEqualTo("VALIDATED");

            page.findElement(By.id("validate")).click();
            wait.until(ExpectedConditions.textToBe(By.id("notice"), "Phiên bản hợp lệ."));

            page.findElement(By.id("run-scenarios")).click();
            wait.until(ExpectedConditions.textToBe(By.id("notice"), "2 trên 2 tình huống đúng."));
            List<WebElement> rows = page.findElements(By.cssSelector("#scenarios tbody tr"));
            assertThat(rows).hasSize(8); // 4 + 3 expectations and one quota case
            assertThat(rows).allSatisfy(row -> assertThat(row.getDomAttribute("class")).startsWith("passed"));
            assertThat(page.findElement(By.cssSelector("#scenarios tbody tr td:nth-child(3)")).getText())
                    .isEqualTo("Đạt (PASS)");

            // a scenario's ratings as a member would read them: the label, the deciding reason first, the values
            page.findElement(By.cssSelector("#scenarios a.explain-link[href*='pass-and-fail']")).click();
            WebElement decisive = wait.until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("#rating-m1 li.decisive")));
            assertThat(decisive.getText()).contains("Lý do quyết định:", "Đạt điều kiện mức Đạt (PASS)",
                    "Tỷ lệ dự sinh hoạt: 90%", "Tỷ lệ dự họp tối thiểu: 0.6", "TEST-01, 2");
            assertThat(page.findElement(By.cssSelector("#rating-m2")).getText()).contains("Không đạt (FAIL)",
                    "Không đạt điều kiện của mức nào cao hơn");
            shot(browser, "rule-pack-explanation.png");
            page.get(base() + "/rule-packs/" + pack.id() + "/2");

            page.findElement(By.id("activate")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("effects"),
                    "Phiên bản 1 đang áp dụng sẽ ngừng áp dụng."));
            page.findElement(By.id("confirm")).click();
            wait.until(ExpectedConditions.textToBe(By.id("notice"), "Phiên bản 2 đang được áp dụng."));
            assertThat(page.findElement(By.id("state")).getDomAttribute("data-state")).isEqualTo("ACTIVE");
            assertThat(rules.evaluate(pack.year(), Proposal.Subject.MEMBER,
                    List.of(TestPacks.member("m1", 10, 7, "GOOD"))).ratings().get(0).level()).isEqualTo("PASS");

            shot(browser, "rule-pack-version.png");

            // back to version 1 and roll back
            page.get(base() + "/rule-packs/" + pack.id() + "/1");
            page.findElement(By.id("rollback")).click();
            page.findElement(By.id("confirm")).click();
            wait.until(ExpectedConditions.textToBe(By.id("notice"), "Đã quay lại phiên bản 1."));
            assertThat(page.findElement(By.id("state")).getDomAttribute("data-state")).isEqualTo("ACTIVE");
            assertThat(rules.evaluate(pack.year(), Proposal.Subject.MEMBER,
                    List.of(TestPacks.member("m1", 10, 7, "GOOD"))).packVersion()).isEqualTo(1);

            // the DRL in the editor, highlighted
            page.findElement(By.linkText("rules.drl")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".CodeMirror .cm-keyword")));
            shot(browser, "rule-pack-drl.png");
            assertThat(page.findElements(By.cssSelector(".CodeMirror .cm-keyword")))
                    .extracting(WebElement::getText).contains("rule", "when", "then", "end");
            // the editor's input field is labelled for a screen reader
            assertThat(page.findElement(By.cssSelector(".CodeMirror textarea")).getDomAttribute("aria-label"))
                    .isEqualTo("Nội dung");

            // the audit log names who did what
            page.get(base() + "/rule-packs/" + pack.id());
            assertThat(page.findElement(By.id("audit")).getText()).contains("Quay lại phiên bản 1 (từ phiên bản 2)",
                    "Áp dụng phiên bản 2, thay phiên bản 1", "Lưu phiên bản 2 (Sửa tham số, từ phiên bản 1): hợp lệ", user);
        }
    }

    /**
     * Issue 9: a parameter change that breaks a scenario, resolved from the page without YAML; the scenario table
     * and the audit log in Vietnamese; the diff on a phone without horizontal overflow.
     */
    @Test
    void aChangeThatBreaksAScenarioIsResolvedFromThePageAndTheLogReadsInVietnamese() throws Exception {
        TestPack pack = TestPacks.fresh();
        registry.upload(pack.zip(), "test");
        registry.activate(pack.id(), 1, "test");
        String user = TestUsers.create(accounts, Role.RULE_ADMIN);
        try (Browser browser = Browser.start("vi")) {
            WebDriver page = browser.driver();
            WebDriverWait wait = new WebDriverWait(page, Duration.ofSeconds(20));
            browser.signInAt(base() + "/rule-packs/" + pack.id() + "/1/parameters", user, TestUsers.PASSWORD);
            WebElement threshold = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("p-minAttendance")));
            threshold.clear();
            threshold.sendKeys("0,95");
            page.findElement(By.id("preview-parameters")).click();
            WebElement broken = wait.until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("fieldset.scenario-change.failed")));
            assertThat(broken.getText()).contains("Sẽ sai", "m1: Đạt (PASS) → Không đạt (FAIL)",
                    "m1: mong đợi Đạt (PASS), thực tế Không đạt (FAIL)",
                    "Giữ tình huống này với giá trị cũ (Tỷ lệ dự họp tối thiểu = 0,8)");
            assertThat(page.findElement(By.id("preview-subjects")).getText()).startsWith("Chưa có lần xếp loại nào");
            shot(browser, "rule-pack-preview.png");
            broken.findElement(By.cssSelector("input[value='update']")).click();
            page.findElement(By.id("save-parameters")).click();
            wait.until(ExpectedConditions.textToBe(By.id("notice"), "Đã lưu phiên bản 2."));
            assertThat(page.findElement(By.id("state")).getDomAttribute("data-state")).isEqualTo("VALIDATED");
            assertThat(new String(registry.files(pack.id(), 2).get("scenarios/pass-and-fail.yaml"),
                    java.nio.charset.StandardCharsets.UTF_8)).contains("{ subject: m1, level: FAIL, reasons: [] }");

            // the scenario table in Vietnamese, levels by label
            assertThat(page.findElement(By.id("scenarios-summary")).getText()).isEqualTo("Cả 2 tình huống đều đúng.");
            assertThat(page.findElement(By.cssSelector("#scenarios thead")).getDomProperty("textContent"))
                    .contains("Mong đợi", "Thực tế");
            assertThat(page.findElement(By.id("scenarios")).getText()).contains("Không đạt (FAIL)",
                    "không xếp loại", "Đúng");

            // activated after a confirmation naming the effect; the log says what happened, by whom
            page.findElement(By.id("activate")).click();
            page.findElement(By.id("confirm")).click();
            wait.until(ExpectedConditions.textToBe(By.id("notice"), "Phiên bản 2 đang được áp dụng."));
            page.get(base() + "/rule-packs/" + pack.id());
            assertThat(page.findElement(By.tagName("h1")).getText()).isEqualTo("Gói thử hai mức");
            assertThat(page.findElement(By.id("audit")).getText()).contains(
                    "Áp dụng phiên bản 2, thay phiên bản 1", "Ngừng áp dụng phiên bản 1, thay bằng phiên bản 2",
                    "Lưu phiên bản 2 (Sửa tham số, từ phiên bản 1): hợp lệ", user);
            assertThat(page.findElement(By.cssSelector("tr.active-version")).getText()).contains("Đang áp dụng");

            // the diff on a phone: no horizontal overflow
            org.openqa.selenium.Dimension size = page.manage().window().getSize();
            page.manage().window().setSize(new org.openqa.selenium.Dimension(360, 740));
            page.get(base() + "/rule-packs/" + pack.id() + "/diff?from=1&to=2");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("parameter-changes")));
            Object overflow = page instanceof org.openqa.selenium.JavascriptExecutor js ? js.executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth;") : 0;
            shot(browser, "rule-pack-diff-phone.png");
            page.manage().window().setSize(size);
            assertThat(((Number) overflow).intValue()).isLessThanOrEqualTo(0);
            assertThat(browser.consoleErrors()).filteredOn(e -> !e.contains("favicon.ico")).isEmpty();
        }
    }

    private static void shot(Browser browser, String name) throws java.io.IOException {
        Path shot = Path.of("target", "screenshots", name);
        Files.createDirectories(shot.getParent());
        Files.write(shot, browser.driver().getScreenshotAs(OutputType.BYTES));
    }

    private String base() {
        return "http://localhost:" + port;
    }
}

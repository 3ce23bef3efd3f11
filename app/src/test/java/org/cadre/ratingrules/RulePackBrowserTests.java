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

            // the parameter form, generated from the declarations
            page.findElement(By.id("parameters-link")).click();
            WebElement threshold = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("p-minAttendance")));
            assertThat(threshold.getDomAttribute("max")).isEqualTo("1.0");
            threshold.clear();
            threshold.sendKeys("0.6");
            page.findElement(By.id("save-parameters")).click();
            wait.until(ExpectedConditions.textToBe(By.id("notice"), "Đã lưu phiên bản 2."));
            assertThat(page.findElement(By.id("state")).getDomAttribute("data-state")).isEqualTo("VALIDATED");

            page.findElement(By.id("validate")).click();
            wait.until(ExpectedConditions.textToBe(By.id("notice"), "Phiên bản hợp lệ."));

            page.findElement(By.id("run-scenarios")).click();
            wait.until(ExpectedConditions.textToBe(By.id("notice"), "2 trên 2 tình huống đúng."));
            List<WebElement> rows = page.findElements(By.cssSelector("#scenarios tbody tr"));
            assertThat(rows).hasSize(8); // 4 + 3 expectations and one quota case
            assertThat(rows).allSatisfy(row -> assertThat(row.getDomAttribute("class")).isEqualTo("passed"));
            assertThat(page.findElement(By.cssSelector("#scenarios tbody tr td:nth-child(3)")).getText())
                    .isEqualTo("Đạt (PASS)");

            // a scenario's ratings as a member would read them: the label, the deciding reason first, the values
            page.findElement(By.cssSelector("#scenarios a.explain-link[href*='pass-and-fail']")).click();
            WebElement decisive = wait.until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("#rating-m1 li.decisive")));
            assertThat(decisive.getText()).contains("Lý do quyết định:", "Đạt điều kiện mức Đạt (PASS)",
                    "attendanceRatio = 0.9", "minAttendance = 0.6", "TEST-01, 2");
            assertThat(page.findElement(By.cssSelector("#rating-m2")).getText()).contains("Không đạt (FAIL)",
                    "Không đạt điều kiện của mức nào cao hơn");
            shot(browser, "rule-pack-explanation.png");
            page.get(base() + "/rule-packs/" + pack.id() + "/2");

            page.findElement(By.id("activate")).click();
            wait.until(ExpectedConditions.textToBe(By.id("notice"), "Phiên bản 2 đang được áp dụng."));
            assertThat(page.findElement(By.id("state")).getDomAttribute("data-state")).isEqualTo("ACTIVE");
            assertThat(rules.evaluate(pack.year(), Proposal.Subject.MEMBER,
                    List.of(TestPacks.member("m1", 10, 7, "GOOD"))).ratings().get(0).level()).isEqualTo("PASS");

            shot(browser, "rule-pack-version.png");

            // back to version 1 and roll back
            page.get(base() + "/rule-packs/" + pack.id() + "/1");
            page.findElement(By.id("rollback")).click();
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

            // the audit log names who did what
            page.get(base() + "/rule-packs/" + pack.id());
            assertThat(page.findElement(By.id("audit")).getText()).contains("ROLLBACK", "ACTIVATE", "PARAMETERS", user);
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

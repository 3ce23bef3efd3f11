package org.cadre.organizations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import org.cadre.identity.NewUserAccount;
import org.cadre.identity.UserAccounts;
import org.cadre.identity.testing.TestUsers;
import org.cadre.organizations.testing.TestTree;
import org.cadre.platform.Role;
import org.cadre.support.Browser;
import org.cadre.support.CadreTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The classic lost update, in two browsers: two secretaries of one chapter (one reading Vietnamese, one English)
 * open the same member's edit form; the first saves; the second's save is refused next to the form with the time
 * of the first change, in the second's language, and the first change is kept. Reloaded, the second sees the first
 * change and saves theirs.
 */
@CadreTest
class EditConflictBrowserTests {

    @LocalServerPort
    int port;
    @Autowired
    UserAccounts accounts;
    @Autowired
    Organizations organizations;
    @Autowired
    Members members;

    @Test
    void theSecondOfTwoSecretariesSavingTheSameMemberIsToldAndOverwritesNothing() {
        TestTree tree = new TestTree(organizations, members);
        MemberId member = tree.admit(tree.chapterA, "Đỗ", "Thị", "Mai");
        String lan = secretary(tree, "Lan");
        String minh = secretary(tree, "Minh");
        String page = "http://localhost:" + port + "/members/" + member.value();

        try (Browser vi = Browser.start("vi"); Browser en = Browser.start("en")) {
            WebDriver first = open(vi, page, lan);
            WebDriver second = open(en, page, minh);
            // Minh reads English: the language is chosen at the top of any page and kept for the session
            second.get(page + "?lang=en");
            openForm(second);

            type(first, "givenName", "Mai Anh");
            first.findElement(By.id("correct-submit")).click();
            new WebDriverWait(first, Duration.ofSeconds(15)).until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector(".alert.info")));
            assertThat(members.find(member).orElseThrow().givenName()).isEqualTo("Mai Anh");

            type(second, "position", "Chuyên viên chính");
            second.findElement(By.id("correct-submit")).click();
            WebElement refused = new WebDriverWait(second, Duration.ofSeconds(15)).until(
                    ExpectedConditions.visibilityOfElementLocated(By.id("correct-form-error")));
            assertThat(refused.getText()).containsPattern("Someone else changed this record at \\d{2}:\\d{2}")
                    .contains("reload the page");
            // what Minh typed is still in the form, and nothing of it was written over Lan's change
            assertThat(second.findElement(By.id("position")).getDomProperty("value")).isEqualTo("Chuyên viên chính");
            assertThat(second.findElement(By.id("givenName")).getDomProperty("value")).isEqualTo("Mai");
            MemberSummary kept = members.find(member).orElseThrow();
            assertThat(kept.givenName()).isEqualTo("Mai Anh");
            assertThat(kept.position()).isNotEqualTo("Chuyên viên chính");

            // reloaded: Lan's change is there, and Minh's save goes through
            second.get(page);
            openForm(second);
            assertThat(second.findElement(By.id("givenName")).getDomProperty("value")).isEqualTo("Mai Anh");
            type(second, "position", "Chuyên viên chính");
            second.findElement(By.id("correct-submit")).click();
            new WebDriverWait(second, Duration.ofSeconds(15)).until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector(".alert.info")));
            kept = members.find(member).orElseThrow();
            assertThat(kept.givenName()).isEqualTo("Mai Anh");
            assertThat(kept.position()).isEqualTo("Chuyên viên chính");
        }
    }

    private String secretary(TestTree tree, String name) {
        MemberId self = tree.admit(tree.chapterA, "Nguyễn", "Văn", name);
        String username = "s-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(new NewUserAccount(username, TestUsers.PASSWORD, "Bí thư " + name, Set.of(Role.SECRETARY),
                tree.chapterA.value(), self.value()));
        return username;
    }

    private static WebDriver open(Browser browser, String page, String username) {
        browser.signInAt(page, username, TestUsers.PASSWORD);
        WebDriver driver = browser.driver();
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(ExpectedConditions.urlContains("/members/"));
        openForm(driver);
        return driver;
    }

    private static void openForm(WebDriver driver) {
        WebElement form = new WebDriverWait(driver, Duration.ofSeconds(15)).until(
                ExpectedConditions.presenceOfElementLocated(By.id("correct-form")));
        if (!form.isDisplayed()) {
            driver.findElement(By.cssSelector("#correct-form")).findElement(By.xpath("./preceding-sibling::summary"))
                    .click();
        }
    }

    private static void type(WebDriver driver, String field, String value) {
        WebElement input = driver.findElement(By.id(field));
        input.clear();
        input.sendKeys(value);
    }
}

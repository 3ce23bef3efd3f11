package org.cadre.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.cadre.identity.UserAccounts;
import org.cadre.identity.testing.TestUsers;
import org.cadre.platform.Role;
import org.cadre.support.Browser;
import org.cadre.support.CadreTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A person in a phone-sized headless Chromium: sign in, switch the language, see the home page. */
@CadreTest
class ShellBrowserTests {

    @LocalServerPort
    int port;
    @Autowired
    UserAccounts accounts;

    @Test
    void signInSwitchLanguageAndSeeTheHomePage() throws Exception {
        String user = TestUsers.create(accounts, Role.EVALUATOR);
        try (Browser browser = Browser.start("vi")) {
            WebDriver page = browser.driver();
            WebDriverWait wait = new WebDriverWait(page, Duration.ofSeconds(15));

            page.get(base() + "/organizations");
            wait.until(ExpectedConditions.urlContains("/login"));
            assertThat(page.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("vi");
            assertThat(page.findElement(By.cssSelector("label[for=username]")).getText()).isEqualTo("Tên đăng nhập");

            page.findElement(By.id("username")).sendKeys(user);
            page.findElement(By.id("password")).sendKeys("sai");
            page.findElement(By.id("login-submit")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-error")));
            assertThat(page.findElement(By.id("login-error")).getText())
                    .isEqualTo("Tên đăng nhập hoặc mật khẩu không đúng.");

            page.findElement(By.id("username")).sendKeys(user);
            page.findElement(By.id("password")).sendKeys(TestUsers.PASSWORD);
            page.findElement(By.id("login-submit")).click();
            // back to the page asked for before signing in
            wait.until(ExpectedConditions.urlContains("/organizations"));
            assertThat(page.findElement(By.tagName("h1")).getText()).isEqualTo("Tổ chức đảng");

            page.findElement(By.cssSelector("nav.main-nav a[href='/']")).click();
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"),
                    "Từ học tập nghị quyết đến đánh giá, xếp loại cuối năm"));
            assertThat(page.findElement(By.cssSelector(".greeting strong")).getText()).isEqualTo(user);

            page.findElement(By.id("lang-en")).click();
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "From studying a resolution to the year-end rating"));
            assertThat(page.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("en");
            assertThat(page.findElement(By.id("logout")).getText()).isEqualTo("Sign out");
            // the choice sticks across pages
            page.findElement(By.cssSelector("nav.main-nav a[href='/organizations']")).click();
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Party organizations"));

            // usable at phone width: nothing wider than the screen
            Long overflow = (Long) browser.driver().executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            assertThat(overflow).isLessThanOrEqualTo(0L);

            Path shot = Path.of("target", "screenshots", "home-en-phone.png");
            Files.createDirectories(shot.getParent());
            Files.write(shot, browser.driver().getScreenshotAs(OutputType.BYTES));

            page.findElement(By.id("logout")).click();
            wait.until(ExpectedConditions.urlContains("/login?logout"));
        }
    }

    private String base() {
        return "http://localhost:" + port;
    }
}

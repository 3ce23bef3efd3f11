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
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A secretary looks for "Hạnh" among twenty-two members whose names contain those letters: the whole word with its
 * accents comes first, although "Ánh" sorts before it; the page says how many were found and pages through them.
 */
@CadreTest
class SearchBrowserTests {

    @LocalServerPort
    int port;
    @Autowired
    UserAccounts accounts;
    @Autowired
    Organizations organizations;
    @Autowired
    Members members;

    @Test
    void hanhComesFirstAndTheResultsArePaged() {
        TestTree tree = new TestTree(organizations, members);
        for (int i = 0; i < 21; i++) {
            tree.admit(i % 2 == 0 ? tree.chapterA : tree.chapterB, "Phạm", "Thanh", "Ánh");
        }
        MemberId hanh = tree.admit(tree.chapterB, "Nguyễn", "Thị", "Hạnh");
        String username = "s-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(new NewUserAccount(username, TestUsers.PASSWORD, "Bí thư thử", Set.of(Role.SECRETARY),
                tree.committee.value(), null));

        try (Browser browser = Browser.start("vi")) {
            WebDriver page = browser.driver();
            WebDriverWait wait = new WebDriverWait(page, Duration.ofSeconds(15));
            browser.signInAt("http://localhost:" + port + "/members", username, TestUsers.PASSWORD);
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("q"))).sendKeys("Hạnh");
            page.findElement(By.cssSelector("form[role=search] button")).click();

            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("found")));
            assertThat(page.findElement(By.id("found-count")).getText()).isEqualTo("Tìm thấy 22 đảng viên; đang xem 1–20.");
            var first = page.findElement(By.cssSelector("#found tbody tr"));
            assertThat(first.getText()).contains("Nguyễn Thị Hạnh").contains("1985")
                    .contains("Chi bộ Thanh tra " + tree.prefix + " – Đảng bộ Sở Thử nghiệm " + tree.prefix);
            assertThat(first.getAttribute("data-card")).isEqualTo(members.find(hanh).orElseThrow().cardNumber());

            page.findElement(By.id("page-next")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("page-number"), "Trang 2 / 2"));
            assertThat(page.findElements(By.cssSelector("#found tbody tr"))).hasSize(2);
            assertThat(page.findElement(By.id("found")).getText()).doesNotContain("Hạnh");
            // the shell's missing favicon is the platform's, not this page's
            assertThat(browser.consoleErrors()).filteredOn(error -> !error.contains("favicon")).isEmpty();
        }
    }
}

package org.cadre.organizations;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.cadre.identity.NewUserAccount;
import org.cadre.identity.UserAccounts;
import org.cadre.identity.testing.TestUsers;
import org.cadre.organizations.testing.TestTree;
import org.cadre.organizations.testing.Workbooks;
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
 * A secretary uploads a workbook of members for their committee in a real browser: the dry run lists nothing bad,
 * the import shows its progress bar (htmx polling) until it is done.
 */
@CadreTest
class ImportBrowserTests {

    @LocalServerPort
    int port;
    @Autowired
    UserAccounts accounts;
    @Autowired
    Organizations organizations;
    @Autowired
    Members members;

    @Test
    void aSecretaryImportsAWorkbookAndWatchesItsProgress() throws Exception {
        TestTree tree = new TestTree(organizations, members);
        List<String> chapters = new ArrayList<>(List.of(tree.prefix + "-A", tree.prefix + "-B"));
        Path file = Files.createTempFile("dang-vien", ".xlsx");
        Files.write(file, Workbooks.members(tree.prefix, chapters, 600));
        String username = "i-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(new NewUserAccount(username, TestUsers.PASSWORD, "Bí thư Đảng bộ", Set.of(Role.SECRETARY),
                tree.committee.value(), null));

        try (Browser browser = Browser.start("vi")) {
            WebDriver page = browser.driver();
            WebDriverWait wait = new WebDriverWait(page, Duration.ofSeconds(60));
            browser.signInAt(base() + "/organizations/import", username, TestUsers.PASSWORD);
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("import-form")));

            page.findElement(By.id("file")).sendKeys(file.toString());
            page.findElement(By.id("import-check")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("import-ok")));
            assertThat(page.findElement(By.id("import-ok")).getText()).contains("600 dòng", "600 bản ghi mới");

            page.findElement(By.id("file")).sendKeys(file.toString());
            page.findElement(By.id("import-run")).click();
            wait.until(ExpectedConditions.urlContains("/organizations/import/jobs/"));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("import-done")));
            assertThat(page.findElement(By.id("import-progress")).getDomAttribute("value")).isEqualTo("100");
            assertThat(page.findElement(By.id("import-done")).getText()).contains("600 bản ghi mới");
        } finally {
            Files.deleteIfExists(file);
        }
        assertThat(members.list(tree.committee, true, LocalDate.now())).hasSize(600);
    }

    private String base() {
        return "http://localhost:" + port;
    }
}

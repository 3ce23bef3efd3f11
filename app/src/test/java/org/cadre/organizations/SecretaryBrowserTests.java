package org.cadre.organizations;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
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
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.Scenario;

/**
 * A chapter secretary in a phone-sized browser: signs in, sees only their chapter, transfers a member to another
 * chapter (a destination chosen from a searchable picker, then confirmed), finds the member among those
 * transferred out, and cancels the transfer recorded by mistake; the cancellation reaches evaluation through the
 * event publication registry, archived as completed.
 */
@CadreTest
class SecretaryBrowserTests {

    @LocalServerPort
    int port;
    @Autowired
    UserAccounts accounts;
    @Autowired
    Organizations organizations;
    @Autowired
    Members members;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aSecretarySeesOnlyTheirChapterTransfersAMemberAfterAChoiceAndAConfirmationThenCancelsIt(Scenario scenario) throws Exception {
        TestTree tree = new TestTree(organizations, members);
        MemberId secretary = tree.admit(tree.chapterA, "Nguyễn", "Văn", "Bí");
        MemberId moving = tree.admit(tree.chapterA, "Huỳnh", "Thị", "Thảo");
        tree.admit(tree.chapterB, "Trần", "Văn", "Khác");
        String username = "s-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(new NewUserAccount(username, TestUsers.PASSWORD, "Bí thư thử", Set.of(Role.SECRETARY),
                tree.chapterA.value(), secretary.value()));

        try (Browser browser = Browser.start("vi")) {
            WebDriver page = browser.driver();
            WebDriverWait wait = new WebDriverWait(page, Duration.ofSeconds(15));
            browser.signInAt(base() + "/organizations", username, TestUsers.PASSWORD);
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("tree")));

            // only their chapter, with its two members
            assertThat(page.findElements(By.cssSelector("#tree .tree-node"))).hasSize(1);
            assertThat(page.findElement(By.id("tree")).getText()).contains("Chi bộ Văn phòng " + tree.prefix)
                    .contains("2 đảng viên").doesNotContain("Chi bộ Thanh tra");

            page.findElement(By.linkText("Chi bộ Văn phòng " + tree.prefix)).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("members")));
            page.findElement(By.linkText("Huỳnh Thị Thảo")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("transfer-form")));

            // nothing is chosen for them: saving without a destination goes nowhere
            Select destination = new Select(page.findElement(By.id("organizationId")));
            assertThat(destination.getFirstSelectedOption().getAttribute("value")).isEmpty();
            String memberPage = page.getCurrentUrl();
            page.findElement(By.id("transfer-submit")).click();
            assertThat(page.getCurrentUrl()).isEqualTo(memberPage);
            assertThat(members.find(moving).orElseThrow().organizationId()).isEqualTo(tree.chapterA);

            // the picker is searchable without accents and names the parent committee
            page.findElement(By.id("organizationId-filter")).sendKeys("thanh tra " + tree.prefix.toLowerCase());
            wait.until(d -> tree.chapterB.toString().equals(destination.getFirstSelectedOption().getAttribute("value")));
            assertThat(destination.getFirstSelectedOption().getText())
                    .contains("Chi bộ Thanh tra " + tree.prefix + " – Đảng bộ Sở Thử nghiệm " + tree.prefix);
            // the date is typed the Vietnamese way, day first, whatever the browser's language
            WebElement on = page.findElement(By.id("on"));
            assertThat(on.getDomAttribute("placeholder")).isEqualTo("dd/mm/yyyy");
            on.clear();
            on.sendKeys("01/06/2025");
            page.findElement(By.id("transfer-submit")).click();

            // a confirmation that names the member and the effect; nothing is written before it
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("confirmation")));
            assertThat(page.findElement(By.id("confirm-lines")).getText()).contains("Huỳnh Thị Thảo")
                    .contains("Chi bộ Thanh tra " + tree.prefix).contains("01/06/2025");
            assertThat(page.findElement(By.id("confirm-submit")).getAttribute("class")).contains("danger");
            assertThat(members.find(moving).orElseThrow().organizationId()).isEqualTo(tree.chapterA);
            page.findElement(By.id("confirm-submit")).click();

            // back on the chapter they keep, which the member has left: listed among the transfers out
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert.info"),
                    "Đã chuyển sinh hoạt đảng."));
            assertThat(page.findElement(By.id("members")).getText()).doesNotContain("Huỳnh Thị Thảo");
            assertThat(page.findElement(By.id("transfers-out")).getText()).contains("Huỳnh Thị Thảo")
                    .contains("01/06/2025").contains("Chi bộ Thanh tra " + tree.prefix);

            // recorded by mistake: the secretary who recorded it cancels it, with a reason, after a confirmation
            WebElement row = page.findElement(By.cssSelector("#transfers-out tr[data-card]"));
            row.findElement(By.tagName("summary")).click();
            row.findElement(By.name("reason")).sendKeys("Chọn nhầm chi bộ");
            row.findElement(By.cssSelector("button.danger")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("confirmation")));
            assertThat(page.findElement(By.id("confirm-lines")).getText()).contains("Huỳnh Thị Thảo")
                    .contains("Chọn nhầm chi bộ");
            page.findElement(By.id("confirm-submit")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert.info"),
                    "Đã hủy việc chuyển sinh hoạt"));
            assertThat(page.findElement(By.id("members")).getText()).contains("Huỳnh Thị Thảo");
            assertThat(page.findElements(By.id("transfers-out"))).isEmpty();

            Path shot = Path.of("target", "screenshots", "secretary-transfer-phone.png");
            Files.createDirectories(shot.getParent());
            Files.write(shot, browser.driver().getScreenshotAs(OutputType.BYTES));
        }

        assertThat(members.find(moving).orElseThrow().organizationId()).isEqualTo(tree.chapterA);
        assertThat(members.history(moving)).filteredOn(HistoryEntry::cancelled).singleElement()
                .satisfies(h -> assertThat(h.cancelledBy()).isEqualTo(username));
        // completed publications move to the archive (completion mode ARCHIVE)
        scenario.stimulate(() -> moving).andWaitForStateChange(() -> jdbc.sql("""
                        SELECT count(*) FROM events.event_publication_archive
                        WHERE listener_id = 'evaluation.on-member-transfer-cancelled' AND event_type = :type
                          AND serialized_event LIKE :id AND completion_date IS NOT NULL
                        """).param("type", MemberTransferCancelled.class.getName()).param("id", "%" + moving.value() + "%")
                        .query(Integer.class).single(), count -> count == 1)
                .andVerify(count -> assertThat(count).isEqualTo(1));
    }

    private String base() {
        return "http://localhost:" + port;
    }
}

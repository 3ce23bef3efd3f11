package org.cadre.commitments;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import org.cadre.identity.NewUserAccount;
import org.cadre.identity.UserAccounts;
import org.cadre.identity.testing.TestUsers;
import org.cadre.organizations.MemberId;
import org.cadre.organizations.Members;
import org.cadre.organizations.Organizations;
import org.cadre.organizations.testing.TestTree;
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

/**
 * On a phone-sized screen: a member writes a commitment register of two items and submits it; the secretary of
 * their committee approves it and sees the roll-up move; the member reports progress and sees it on the register.
 */
@CadreTest
class CommitmentsBrowserTests {

    @LocalServerPort
    int port;
    @Autowired
    UserAccounts accounts;
    @Autowired
    Organizations organizations;
    @Autowired
    Members members;
    @Autowired
    Study study;
    @Autowired
    CommitmentRegisters registers;
    @Autowired
    Clock clock;

    @Test
    void aMemberRegistersTheSecretaryApprovesTheRollupMovesAndTheMemberReportsProgress() throws Exception {
        TestTree tree = new TestTree(organizations, members);
        MemberId member = tree.admit(tree.chapterA, "Huỳnh", "Thị", "Thảo");
        MemberId secretary = tree.admit(tree.chapterA, "Nguyễn", "Văn", "Bí");
        tree.admit(tree.chapterA, "Trần", "Văn", "Khác");
        int year = LocalDate.now(clock).getYear();
        UUID resolution = study.createResolution(new CreateResolution("04-NQ/TW " + tree.prefix,
                "Về tăng cường xây dựng, chỉnh đốn Đảng", LocalDate.of(year - 1, 10, 30), "Ban Chấp hành Trung ương",
                null));
        UUID campaign = study.openCampaign(new OpenCampaign(resolution, tree.committee.value(),
                LocalDate.of(year, 1, 5), LocalDate.of(year, 6, 30)));
        String memberLogin = "m-" + UUID.randomUUID().toString().substring(0, 8);
        String secretaryLogin = "s-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(new NewUserAccount(memberLogin, TestUsers.PASSWORD, "Huỳnh Thị Thảo", Set.of(Role.MEMBER),
                null, member.value()));
        accounts.create(new NewUserAccount(secretaryLogin, TestUsers.PASSWORD, "Bí thư thử", Set.of(Role.SECRETARY),
                tree.committee.value(), secretary.value()));
        String deadline = "30/11/" + year;
        String rollups = base() + "/commitments/rollups?campaign=" + campaign + "&organization=" + tree.committee;

        String registerUrl;
        try (Browser browser = Browser.start("vi")) {
            WebDriver page = browser.driver();
            WebDriverWait wait = new WebDriverWait(page, Duration.ofSeconds(15));
            browser.signInAt(base() + "/commitments/me", memberLogin, TestUsers.PASSWORD);
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("draft-form")));
            page.findElement(By.id("commitment-content")).sendKeys("Giải quyết hồ sơ đúng hạn");
            page.findElement(By.id("target")).sendKeys("100% hồ sơ đúng hạn");
            page.findElement(By.id("deadline")).sendKeys(deadline);
            page.findElement(By.id("draft-submit")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("item-form")));
            registerUrl = page.getCurrentUrl();
            page.findElement(By.id("commitment-content")).sendKeys("Không vi phạm quy chế làm việc");
            page.findElement(By.id("deadline")).sendKeys(deadline);
            page.findElement(By.id("weight")).clear();
            page.findElement(By.id("weight")).sendKeys("10");
            page.findElement(By.id("item-submit")).click();
            wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#items > li"), 2));
            page.findElement(By.id("register-submit")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("register-status"),
                    "Đã gửi, chờ duyệt"));
            shot(browser, "commitments-member-register-phone.png");
        }

        try (Browser browser = Browser.start("vi")) {
            WebDriver page = browser.driver();
            WebDriverWait wait = new WebDriverWait(page, Duration.ofSeconds(15));
            browser.signInAt(rollups, secretaryLogin, TestUsers.PASSWORD);
            By chapterRow = By.cssSelector("#rollups tr[data-organization='" + tree.chapterA + "'] .rollup-approved");
            wait.until(ExpectedConditions.visibilityOfElementLocated(chapterRow));
            assertThat(page.findElement(chapterRow).getText()).isEqualTo("0/3 đã duyệt");

            page.get(base() + "/commitments/board?campaign=" + campaign);
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("board")));
            assertThat(page.findElement(By.id("board")).getText()).contains("Huỳnh Thị Thảo").contains("Đã gửi");
            page.findElement(By.linkText("Đã gửi, chờ duyệt")).click();
            wait.until(ExpectedConditions.elementToBeClickable(By.id("register-approve"))).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("register-status"), "Đã duyệt"));

            page.get(rollups);
            wait.until(ExpectedConditions.visibilityOfElementLocated(chapterRow));
            assertThat(page.findElement(chapterRow).getText()).isEqualTo("1/3 đã duyệt");
            shot(browser, "commitments-rollups-phone.png");
        }

        try (Browser browser = Browser.start("vi")) {
            WebDriver page = browser.driver();
            WebDriverWait wait = new WebDriverWait(page, Duration.ofSeconds(15));
            browser.signInAt(registerUrl, memberLogin, TestUsers.PASSWORD);
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("percent-1")));
            page.findElement(By.id("percent-1")).clear();
            page.findElement(By.id("percent-1")).sendKeys("60");
            page.findElement(By.id("evidence-1")).sendKeys("Báo cáo quý III");
            // the evidence as a file too, through the server's real multipart path (the form's token included)
            Path evidence = Path.of("target", "evidence", "bien-ban-quy-3.pdf");
            Files.createDirectories(evidence.getParent());
            Files.write(evidence, "%PDF-1.4\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            page.findElement(By.id("file-1")).sendKeys(evidence.toAbsolutePath().toString());
            page.findElement(By.id("progress-submit-1")).click();
            // weighted: 60% of an item weighing 10 and 0% of one weighing 10
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("register-progress"), "30%"));
            assertThat(page.findElement(By.cssSelector("a.evidence-file")).getText())
                    .startsWith("bien-ban-quy-3.pdf");
            shot(browser, "commitments-progress-phone.png");
        }
        assertThat(registers.ofMember(member)).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(RegisterStatus.APPROVED);
            assertThat(r.items()).extracting(ItemView::progress).containsExactly(60, 0);
        });
    }

    private static void shot(Browser browser, String name) throws Exception {
        Path shot = Path.of("target", "screenshots", name);
        Files.createDirectories(shot.getParent());
        Files.write(shot, browser.driver().getScreenshotAs(OutputType.BYTES));
    }

    private String base() {
        return "http://localhost:" + port;
    }
}

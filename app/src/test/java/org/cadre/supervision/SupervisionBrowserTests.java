package org.cadre.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
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
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A secretary records a chapter meeting with the attendance of each member from the meetings page, and the
 * meeting-quality figures change: the attendances and the month on the calendar.
 */
@CadreTest
class SupervisionBrowserTests {

    @LocalServerPort
    int port;
    @Autowired
    UserAccounts accounts;
    @Autowired
    Organizations organizations;
    @Autowired
    Members members;
    @Autowired
    ChapterMeetings meetings;
    @Autowired
    Clock clock;

    @Test
    void aSecretaryRecordsAMeetingWithAttendanceAndTheFiguresChange() throws Exception {
        TestTree tree = new TestTree(organizations, members);
        MemberId secretary = tree.admit(tree.chapterA, "Nguyễn", "Văn", "Bí");
        MemberId an = tree.admit(tree.chapterA, "Trần", "Văn", "An");
        MemberId binh = tree.admit(tree.chapterA, "Lê", "Thị", "Bình");
        String login = "s-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(new NewUserAccount(login, TestUsers.PASSWORD, "Bí thư thử", Set.of(Role.SECRETARY),
                tree.chapterA.value(), secretary.value()));
        LocalDate today = LocalDate.now(clock);
        String url = "http://localhost:" + port + "/supervision/meetings?organization=" + tree.chapterA + "&year="
                + today.getYear();

        try (Browser browser = Browser.start("vi")) {
            WebDriver page = browser.driver();
            WebDriverWait wait = new WebDriverWait(page, Duration.ofSeconds(15));
            browser.signInAt(url, login, TestUsers.PASSWORD);
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("meeting-quality")));
            assertThat(page.findElement(By.id("attendances")).getText()).isEqualTo("0 có mặt trên 0 lượt");
            String month = "#month-calendar li:nth-child(" + today.getMonthValue() + ")";
            assertThat(page.findElement(By.cssSelector(month)).getText()).contains("chưa hết tháng");

            page.findElement(By.cssSelector("#record-meeting summary")).click();
            new Select(page.findElement(By.id("kind"))).selectByValue("REGULAR");
            page.findElement(By.id("heldOn")).sendKeys(today.format(DateTimeFormatter.ofPattern("dd/MM/yyyy")));
            page.findElement(By.id("agenda")).sendKeys("Sinh hoạt chi bộ thường kỳ, kiểm điểm cam kết");
            page.findElement(By.id("a-" + secretary.value() + "-PRESENT")).click();
            page.findElement(By.id("a-" + an.value() + "-PRESENT")).click();
            page.findElement(By.id("a-" + binh.value() + "-EXCUSED")).click();
            page.findElement(By.id("r-" + binh.value())).sendKeys("Đi công tác");
            page.findElement(By.id("meeting-submit")).click();

            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("attendances"),
                    "2 có mặt trên 3 lượt"));
            assertThat(page.findElement(By.cssSelector(month)).getText()).contains("đã họp");
            assertThat(page.findElement(By.id("meetings")).getText()).contains("Sinh hoạt chi bộ thường kỳ")
                    .contains("2 có mặt, 1 vắng có lý do, 0 vắng không lý do");
            assertThat(browser.consoleErrors()).isEmpty();
            Path shot = Path.of("target", "screenshots", "supervision-meeting.png");
            Files.createDirectories(shot.getParent());
            Files.write(shot, browser.driver().getScreenshotAs(OutputType.BYTES));
        }
        assertThat(meetings.quality(tree.chapterA, today.getYear(),
                org.cadre.platform.Caller.of("u-admin", Role.ADMIN)).listed()).isEqualTo(3);
    }
}

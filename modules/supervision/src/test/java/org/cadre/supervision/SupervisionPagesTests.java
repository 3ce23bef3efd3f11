package org.cadre.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import org.cadre.organizations.AddCoordinatingBody;
import org.cadre.organizations.Members;
import org.cadre.organizations.Organizations;
import org.cadre.platform.Caller;
import org.cadre.platform.CallerAuthentication;
import org.cadre.platform.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The pages: a secretary records a meeting from the form and the figures follow; a refusal goes back to the form. */
@SupervisionModuleTest
class SupervisionPagesTests {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    @Autowired
    MockMvc mvc;
    @Autowired
    Organizations organizations;
    @Autowired
    Members members;
    @Autowired
    ChapterMeetings meetings;
    @Autowired
    Feedback feedback;
    @Autowired
    Disciplines disciplines;
    @Autowired
    Clock clock;

    Fixture f;
    LocalDate today;

    @BeforeEach
    void tree() {
        today = LocalDate.now(clock);
        f = new Fixture(organizations, members, today);
    }

    static RequestPostProcessor as(Caller caller) {
        return authentication(new CallerAuthentication(caller));
    }

    @Test
    void aSecretaryRecordsAMeetingWithAttendanceFromThePage() throws Exception {
        Caller secretary = Fixture.secretaryOf(f.tree.chapterA);
        mvc.perform(get("/supervision/meetings").param("organization", f.tree.chapterA.value().toString())
                        .param("year", String.valueOf(f.year)).with(as(secretary)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("meeting-form")))
                .andExpect(content().string(containsString("Nguyễn Văn An")));
        mvc.perform(post("/supervision/meetings").with(csrf()).with(as(secretary))
                        .param("organizationId", f.tree.chapterA.value().toString()).param("kind", "REGULAR")
                        .param("heldOn", DAY.format(f.on(2, 6))).param("agenda", "Sinh hoạt tháng 2")
                        .param("listed", f.an.value().toString(), f.binh.value().toString(),
                                f.cuong.value().toString())
                        .param("a-" + f.an.value(), "PRESENT").param("a-" + f.binh.value(), "EXCUSED")
                        .param("r-" + f.binh.value(), "Ốm").param("a-" + f.cuong.value(), "UNEXCUSED"))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attributeExists("notice"));
        MeetingQuality quality = meetings.quality(f.tree.chapterA, f.year, secretary);
        assertThat(quality.listed()).isEqualTo(3);
        assertThat(quality.present()).isEqualTo(1);
        mvc.perform(get("/supervision/meetings").param("organization", f.tree.chapterA.value().toString())
                        .param("year", String.valueOf(f.year)).with(as(secretary)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("06/02/" + f.year)));
        mvc.perform(get("/supervision/meetings.xlsx").param("organization", f.tree.chapterA.value().toString())
                        .param("year", String.valueOf(f.year)).with(as(secretary)))
                .andExpect(status().isOk()).andExpect(header().string("Content-Disposition",
                        containsString(".xlsx")));
    }

    @Test
    void aMemberLeftWithoutAChoiceSendsTheFormBackAndNothingIsWritten() throws Exception {
        Caller secretary = Fixture.secretaryOf(f.tree.chapterA);
        mvc.perform(post("/supervision/meetings").with(csrf()).with(as(secretary))
                        .param("organizationId", f.tree.chapterA.value().toString()).param("kind", "REGULAR")
                        .param("heldOn", DAY.format(f.on(3, 6))).param("agenda", "Sinh hoạt tháng 3")
                        .param("listed", f.an.value().toString(), f.binh.value().toString())
                        .param("a-" + f.an.value(), "PRESENT"))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attributeExists("formError"));
        assertThat(meetings.list(f.tree.chapterA, f.year, secretary)).isEmpty();
    }

    @Test
    void aMeetingInTheFutureGoesBackToTheFormWithItsReason() throws Exception {
        Caller secretary = Fixture.secretaryOf(f.tree.chapterA);
        mvc.perform(post("/supervision/meetings").with(csrf()).with(as(secretary))
                        .param("organizationId", f.tree.chapterA.value().toString()).param("kind", "REGULAR")
                        .param("heldOn", DAY.format(today.plusDays(2))).param("agenda", "Sinh hoạt")
                        .param("a-" + f.an.value(), "PRESENT"))
                .andExpect(status().is3xxRedirection());
        assertThat(meetings.list(f.tree.chapterA, today.plusDays(2).getYear(), secretary)).isEmpty();
    }

    @Test
    void aReviewerFindsTheirBodyAndItsOpenRequestsAndAnswers() throws Exception {
        UUID body = organizations.addCoordinatingBody(new AddCoordinatingBody("HCCB-" + f.tree.prefix,
                "Hội Cựu chiến binh " + f.tree.prefix, List.of(f.tree.committee.value())));
        feedback.request(new RequestFeedback(f.tree.committee.value(), today.getYear(), List.of(body),
                today.plusDays(10), null), Fixture.secretaryOf(f.tree.committee));
        Caller reviewer = Caller.of("u-reviewer", Role.REVIEWER).withCoordinatingBody(body);
        String page = mvc.perform(get("/supervision/reviewer").with(as(reviewer))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Hội Cựu chiến binh " + f.tree.prefix)))
                .andExpect(content().string(containsString(DAY.format(today.plusDays(10)))))
                .andReturn().getResponse().getContentAsString();
        String request = page.replaceAll("(?s).*name=\"requestId\" value=\"([0-9a-f-]{36})\".*", "$1");
        mvc.perform(post("/supervision/reviewer/comments").with(csrf()).with(as(reviewer))
                        .param("requestId", request).param("organizationId", f.tree.chapterA.value().toString())
                        .param("year", String.valueOf(today.getYear())).param("stance", "POSITIVE")
                        .param("text", "Chi bộ sinh hoạt đều đặn"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/supervision/reviewer").with(as(reviewer))).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("name=\"requestId\""))));
        mvc.perform(get("/supervision/meetings").with(as(reviewer))).andExpect(status().isForbidden());
    }

    @Test
    void theCommitteeSeesWhichChaptersMissedAMonth() throws Exception {
        meetings.record(f.meeting(f.on(1, 5), Fixture.present(f.an)), f.secretary());
        mvc.perform(get("/supervision/meetings").param("organization", f.tree.committee.value().toString())
                        .param("year", String.valueOf(f.year)).with(as(f.secretary())))
                .andExpect(status().isOk()).andExpect(content().string(containsString("chapters-overview")))
                .andExpect(content().string(containsString("2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12")));
    }

    @Test
    void theDeskShowsWhatIsDue() throws Exception {
        mvc.perform(get("/supervision/desk").with(as(f.secretary()))).andExpect(status().isOk())
                .andExpect(content().string(containsString("desk-total")));
    }

    @Test
    void theInspectionDisciplineAndFeedbackPagesRecordWhatTheirFormsSay() throws Exception {
        Caller secretary = f.secretary();
        String committee = f.tree.committee.value().toString();
        mvc.perform(post("/supervision/inspections").with(csrf()).with(as(secretary)).param("root", committee)
                        .param("organizationId", f.tree.chapterA.value().toString()).param("kind", "SUPERVISION")
                        .param("plan", "THEMATIC").param("title", "Giám sát sinh hoạt chi bộ")
                        .param("periodFrom", DAY.format(f.on(1, 1))).param("periodTo", DAY.format(f.on(12, 31)))
                        .param("openedOn", DAY.format(today.minusDays(3))))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attributeExists("notice"));
        mvc.perform(get("/supervision/inspections").param("organization", committee).with(as(secretary)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Giám sát sinh hoạt chi bộ")));

        String card = members.find(f.cuong).orElseThrow().cardNumber();
        mvc.perform(post("/supervision/disciplines").with(csrf()).with(as(secretary)).param("root", committee)
                        .param("cardNumber", card).param("form", "EXPULSION").param("decision", "21-QĐ/ĐU")
                        .param("decidedOn", DAY.format(today)).param("issuer", "Đảng ủy")
                        .param("violation", "Vi phạm nghiêm trọng quy chế"))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attributeExists("notice"));
        assertThat(members.find(f.cuong).orElseThrow().status())
                .isEqualTo(org.cadre.organizations.MemberStatus.REMOVED);
        String anCard = members.find(f.an).orElseThrow().cardNumber();
        mvc.perform(post("/supervision/disciplines").with(csrf()).with(as(secretary)).param("root", committee)
                        .param("cardNumber", anCard).param("form", "REPRIMAND").param("decision", "22-QĐ/CB")
                        .param("decidedOn", DAY.format(today.minusDays(5))).param("issuer", "Chi bộ")
                        .param("violation", "Chậm nộp báo cáo"))
                .andExpect(status().is3xxRedirection());
        UUID first = disciplines.ofMember(f.an).get(0).id();
        mvc.perform(post("/supervision/disciplines").with(csrf()).with(as(secretary)).param("root", committee)
                        .param("cardNumber", anCard).param("form", "WARNING").param("decision", "23-QĐ/ĐU")
                        .param("decidedOn", DAY.format(today)).param("issuer", "Đảng ủy")
                        .param("sameViolationAs", first.toString()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attributeExists("notice"));
        assertThat(disciplines.ofMember(f.an)).hasSize(2).extracting(DisciplineView::violation).containsOnly(
                disciplines.ofMember(f.an).get(0).violation());
        mvc.perform(get("/supervision/disciplines").param("organization", committee).with(as(secretary)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("21-QĐ/ĐU")))
                .andExpect(content().string(containsString("Lê Văn Cường")));

        UUID body = organizations.addCoordinatingBody(new AddCoordinatingBody("BTC-" + f.tree.prefix,
                "Ban Tổ chức " + f.tree.prefix, List.of(f.tree.committee.value())));
        mvc.perform(post("/supervision/feedback/requests").with(csrf()).with(as(secretary))
                        .param("organizationId", committee).param("year", String.valueOf(today.getYear()))
                        .param("bodies", body.toString()).param("deadline", DAY.format(today.plusDays(7))))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attributeExists("notice"));
        mvc.perform(get("/supervision/feedback").param("organization", committee).with(as(secretary)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Ban Tổ chức " + f.tree.prefix + ": hạn")));
        mvc.perform(get("/supervision/records.xlsx").param("organization", committee)
                        .param("year", String.valueOf(today.getYear())).with(as(secretary)))
                .andExpect(status().isOk()).andExpect(header().string("Content-Disposition",
                        containsString("giam-sat-" + f.tree.prefix)));

        Caller reviewer = Caller.of("u-reviewer", Role.REVIEWER).withCoordinatingBody(body);
        mvc.perform(post("/supervision/reviewer/comments").with(csrf()).with(as(reviewer))
                        .param("cardNumber", members.find(f.an).orElseThrow().cardNumber())
                        .param("year", String.valueOf(today.getYear())).param("stance", "CONCERN")
                        .param("text", "Còn chậm nộp báo cáo"))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attributeExists("notice"));
        assertThat(feedback.memberYear(f.an, today.getYear())).containsEntry(Stance.CONCERN, 1);
    }
}

package org.cadre.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.cadre.organizations.AddCoordinatingBody;
import org.cadre.organizations.Members;
import org.cadre.organizations.Organizations;
import org.cadre.platform.Caller;
import org.cadre.platform.Refused;
import org.cadre.platform.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.Scenario;

/**
 * The committee asks coordinating bodies for comments; a reviewer finds the request on their desk, answers within
 * their body's remit (FeedbackReceived), and the committee sees who answered.
 */
@SupervisionModuleTest
class FeedbackTests {

    @Autowired
    Organizations organizations;
    @Autowired
    Members members;
    @Autowired
    Feedback feedback;
    @Autowired
    Clock clock;

    Fixture f;
    LocalDate today;
    UUID body;
    UUID other;
    Caller reviewer;

    @BeforeEach
    void tree() {
        today = LocalDate.now(clock);
        f = new Fixture(organizations, members, today);
        body = organizations.addCoordinatingBody(new AddCoordinatingBody("UBKT-" + f.tree.prefix,
                "Ủy ban Kiểm tra " + f.tree.prefix, List.of(f.tree.chapterA.value())));
        other = organizations.addCoordinatingBody(new AddCoordinatingBody("MTTQ-" + f.tree.prefix,
                "Ủy ban Mặt trận Tổ quốc " + f.tree.prefix, List.of(f.tree.chapterB.value())));
        reviewer = Caller.of("u-reviewer", Role.REVIEWER).withCoordinatingBody(body);
    }

    @Test
    void aReviewerAnswersARequestFromTheirDeskAndTheCommitteeSeesIt(Scenario scenario) {
        List<UUID> sent = feedback.request(new RequestFeedback(f.tree.committee.value(), today.getYear(),
                List.of(body, other), today.plusDays(14), "Góp ý đánh giá cuối năm"), f.secretary());
        ReviewerDesk desk = feedback.desk(reviewer);
        assertThat(desk.body().name()).isEqualTo("Ủy ban Kiểm tra " + f.tree.prefix);
        assertThat(desk.remit()).extracting(r -> r.id()).containsExactly(f.tree.chapterA);
        assertThat(desk.open()).singleElement().satisfies(r -> {
            assertThat(r.id()).isEqualTo(sent.get(0));
            assertThat(r.deadline()).isEqualTo(today.plusDays(14));
        });
        scenario.stimulate(() -> feedback.comment(new GiveFeedback(sent.get(0), null, f.an.value(),
                        today.getYear(), Stance.CONCERN, "Còn chậm nộp báo cáo"), reviewer))
                .andWaitForEventOfType(FeedbackReceived.class).matching(e -> e.body().equals(body))
                .toArriveAndVerify(e -> {
                    assertThat(e.member()).isEqualTo(f.an);
                    assertThat(e.organization()).isEqualTo(f.tree.chapterA);
                    assertThat(e.stance()).isEqualTo(Stance.CONCERN);
                    assertThat(e.request()).isEqualTo(sent.get(0));
                });
        assertThat(feedback.desk(reviewer).open()).isEmpty();
        assertThat(feedback.requests(f.tree.committee, today.getYear(), f.secretary()))
                .extracting(FeedbackRequestView::body, FeedbackRequestView::answered)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(body, true),
                        org.assertj.core.groups.Tuple.tuple(other, false));
        assertThat(feedback.memberYear(f.an, today.getYear())).containsEntry(Stance.CONCERN, 1)
                .containsEntry(Stance.POSITIVE, 0);
    }

    @Test
    void aCommentOutsideTheBodysRemitIsRefusedAndNothingWritten() {
        assertThatThrownBy(() -> feedback.comment(new GiveFeedback(null, f.tree.chapterB.value(), null,
                today.getYear(), Stance.NEGATIVE, "x"), reviewer))
                .isInstanceOfSatisfying(Refused.class,
                        r -> assertThat(r.reason()).isEqualTo(SupervisionRefusal.OUTSIDE_REMIT));
        assertThatThrownBy(() -> feedback.comment(new GiveFeedback(null, null, f.dung.value(),
                today.getYear(), Stance.NEGATIVE, "x"), reviewer))
                .isInstanceOfSatisfying(Refused.class,
                        r -> assertThat(r.reason()).isEqualTo(SupervisionRefusal.OUTSIDE_REMIT));
        assertThat(feedback.comments(f.tree.committee, today.getYear(), f.secretary())).isEmpty();
    }
}

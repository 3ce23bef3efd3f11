package org.cadre.evaluation.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.cadre.evaluation.ChapterProposalMade;
import org.cadre.evaluation.ChapterReviews;
import org.cadre.evaluation.CommentRequestView;
import org.cadre.evaluation.EvaluationRefusal;
import org.cadre.evaluation.MemberReview;
import org.cadre.evaluation.OtherChapterCommentGiven;
import org.cadre.evaluation.ReviewForm;
import org.cadre.evaluation.ReviewList;
import org.cadre.evaluation.ReviewStatus;
import org.cadre.evaluation.SelfAssessmentReturned;
import org.cadre.evaluation.SelfAssessmentStatus;
import org.cadre.evaluation.SelfAssessments;
import org.cadre.organizations.Members;
import org.cadre.organizations.Organizations;
import org.cadre.platform.Caller;
import org.cadre.platform.Refused;
import org.cadre.ratingrules.RulePackRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.AssertablePublishedEvents;

/**
 * The chapter records its comment and proposes a level beside the engine's, asks another chapter for a comment which
 * that chapter answers once, and sends a submitted self-assessment back; every bad input is refused with its reason
 * and writes nothing.
 */
@ReviewModuleTest
class ChapterReviewTests {

    @Autowired
    ChapterReviews reviews;
    @Autowired
    SelfAssessments assessments;
    @Autowired
    Organizations organizations;
    @Autowired
    Members members;
    @Autowired
    RulePackRegistry registry;
    @Autowired
    JdbcClient jdbc;

    ReviewFixture f;
    Caller secretaryA;

    @BeforeEach
    void tree() {
        f = new ReviewFixture(organizations, members, registry, jdbc);
        secretaryA = f.secretaryOf(f.chapterA);
    }

    @Test
    void theChapterDraftsThenProposesTheEnginesLevelThenChangesItWithAReason(AssertablePublishedEvents events) {
        ReviewList list = reviews.list(f.cycle, null, secretaryA);
        assertThat(list.organization()).isEqualTo(f.chapterA.value());
        assertThat(list.rows()).extracting(ReviewList.Row::fullName).containsExactly("Nguyễn Văn An",
                "Trần Văn Bình");
        assertThat(list.rows().get(0).engineLevel()).isEqualTo("HTTNV");
        assertThat(list.withoutProposal()).isEqualTo(2);

        MemberReview draft = reviews.saveDraft(f.cycle, f.an.value(), new ReviewForm(" Gương mẫu. ", "HTXSNV", null),
                secretaryA);
        assertThat(draft.status()).isEqualTo(ReviewStatus.DRAFT);
        assertThat(draft.comment()).isEqualTo("Gương mẫu.");
        assertThat(events.ofType(ChapterProposalMade.class)).isEmpty();

        MemberReview proposed = reviews.propose(f.cycle, f.an.value(), new ReviewForm("Gương mẫu.", "HTTNV", null),
                secretaryA);
        assertThat(proposed.status()).isEqualTo(ReviewStatus.PROPOSED);
        assertThat(proposed.engineLevel()).isEqualTo("HTTNV");
        assertThat(proposed.proposedBy()).isEqualTo(secretaryA.username());
        assertThat(events.ofType(ChapterProposalMade.class).matching(e -> e.level().equals("HTTNV")
                && e.engineLevel().equals("HTTNV") && e.reason() == null
                && e.organization().equals(f.chapterA.value()))).hasSize(1);

        // changed again until the cycle closes: a new event, with the reason for departing from the engine
        reviews.propose(f.cycle, f.an.value(), new ReviewForm("Gương mẫu.", "HTXSNV", "Dẫn đầu phong trào"),
                secretaryA);
        assertThat(events.ofType(ChapterProposalMade.class)).hasSize(2);
        assertThat(reviews.list(f.cycle, null, secretaryA).withoutProposal()).isEqualTo(1);
        // evaluation staff anywhere
        reviews.propose(f.cycle, f.cuong.value(), new ReviewForm(null, "HTNV", null), ReviewFixture.EVALUATOR);
        assertThat(reviews.member(f.cycle, f.cuong.value(), ReviewFixture.EVALUATOR).level()).isEqualTo("HTNV");
    }

    @Test
    void badProposalsAreRefusedAndWriteNothing() {
        reviews.propose(f.cycle, f.an.value(), new ReviewForm("Tốt", "HTTNV", null), secretaryA);
        String before = f.snapshot();
        refused(() -> reviews.propose(f.cycle, f.an.value(), new ReviewForm("Tốt", "HTXSNV", " "), secretaryA),
                EvaluationRefusal.REASON_REQUIRED);
        refused(() -> reviews.propose(f.cycle, f.an.value(), new ReviewForm("Tốt", "HTXSNV", "x".repeat(2001)),
                secretaryA), EvaluationRefusal.REASON_TOO_LONG);
        refused(() -> reviews.propose(f.cycle, f.an.value(), new ReviewForm("Tốt", "GIOI", "x"), secretaryA),
                EvaluationRefusal.LEVEL_NOT_IN_SCALE);
        refused(() -> reviews.propose(f.cycle, f.an.value(), new ReviewForm("x".repeat(4001), "HTTNV", null),
                secretaryA), EvaluationRefusal.TEXT_TOO_LONG);
        refused(() -> reviews.saveDraft(f.cycle, f.an.value(), new ReviewForm("Khác", null, null), secretaryA),
                EvaluationRefusal.REVIEW_PROPOSED);
        // another chapter's secretary, a member forged from another organization, a member outside the cycle
        refused(() -> reviews.propose(f.cycle, f.an.value(), new ReviewForm(null, "HTTNV", null),
                f.secretaryOf(f.chapterB)), EvaluationRefusal.OUT_OF_SCOPE);
        refused(() -> reviews.propose(f.cycle, f.cuong.value(), new ReviewForm(null, "HTNV", null), secretaryA),
                EvaluationRefusal.OUT_OF_SCOPE);
        refused(() -> reviews.propose(f.cycle, f.outsider.value(), new ReviewForm(null, "HTNV", null),
                ReviewFixture.EVALUATOR), EvaluationRefusal.MEMBER_UNKNOWN);
        refused(() -> reviews.member(f.cycle, f.cuong.value(), secretaryA), EvaluationRefusal.OUT_OF_SCOPE);
        refused(() -> reviews.list(f.cycle, null, f.member(f.an)), EvaluationRefusal.NOT_ALLOWED);
        f.close();
        refused(() -> reviews.propose(f.cycle, f.binh.value(), new ReviewForm(null, "HTTNV", null), secretaryA),
                EvaluationRefusal.CYCLE_CLOSED);
        assertThat(f.snapshot()).isEqualTo(before);
    }

    @Test
    void anotherChapterIsAskedAndAnswersOnce(AssertablePublishedEvents events) {
        MemberReview binh = reviews.member(f.cycle, f.binh.value(), secretaryA);
        assertThat(binh.previousOrganization()).isEqualTo(f.elsewhere.value());
        CommentRequestView asked = reviews.requestComment(f.cycle, f.binh.value(), f.elsewhere.value(), secretaryA);
        assertThat(asked.kind()).isEqualTo("TRANSFERRED");
        assertThat(asked.askedBy()).isEqualTo(secretaryA.username());
        // temporary activity in chapter B, picked from the cycle's tree
        CommentRequestView temporary = reviews.requestComment(f.cycle, f.an.value(), f.chapterB.value(), secretaryA);
        assertThat(temporary.kind()).isEqualTo("TEMPORARY");
        assertThat(reviews.requestComment(f.cycle, f.an.value(), f.chapterB.value(), secretaryA).id())
                .isEqualTo(temporary.id());

        Caller secretaryElsewhere = f.secretaryOf(f.elsewhere);
        assertThat(reviews.toAnswer(secretaryElsewhere)).extracting(CommentRequestView::id).containsExactly(asked.id());
        assertThat(reviews.addressedTo(f.cycle, f.secretaryOf(f.chapterB))).extracting(CommentRequestView::id)
                .containsExactly(temporary.id());

        String before = f.snapshot();
        refused(() -> reviews.answer(f.cycle, asked.id(), "POSITIVE", "Tốt", f.secretaryOf(f.chapterB)),
                EvaluationRefusal.OUT_OF_SCOPE);
        refused(() -> reviews.answer(f.cycle, asked.id(), "GOOD", "Tốt", secretaryElsewhere),
                EvaluationRefusal.STANCE_UNKNOWN);
        refused(() -> reviews.answer(f.cycle, java.util.UUID.randomUUID(), "POSITIVE", "Tốt", secretaryElsewhere),
                EvaluationRefusal.COMMENT_REQUEST_UNKNOWN);
        refused(() -> reviews.requestComment(f.cycle, f.an.value(), f.chapterA.value(), secretaryA),
                EvaluationRefusal.ORGANIZATION_UNKNOWN);
        refused(() -> reviews.requestComment(f.cycle, f.an.value(), f.elsewhere.value(), secretaryA),
                EvaluationRefusal.ORGANIZATION_UNKNOWN);
        assertThat(f.snapshot()).isEqualTo(before);

        CommentRequestView answered = reviews.answer(f.cycle, asked.id(), "positive", "Gương mẫu ở chi bộ cũ",
                secretaryElsewhere);
        assertThat(answered.stance()).isEqualTo("POSITIVE");
        assertThat(answered.answeredBy()).isEqualTo(secretaryElsewhere.username());
        assertThat(events.ofType(OtherChapterCommentGiven.class).matching(e -> e.request().equals(asked.id())))
                .hasSize(1);
        String after = f.snapshot();
        refused(() -> reviews.answer(f.cycle, asked.id(), "NEGATIVE", "Đổi ý", secretaryElsewhere),
                EvaluationRefusal.COMMENT_ALREADY_GIVEN);
        assertThat(f.snapshot()).isEqualTo(after);
        assertThat(reviews.member(f.cycle, f.binh.value(), secretaryA).requests()).singleElement()
                .satisfies(r -> assertThat(r.text()).isEqualTo("Gương mẫu ở chi bộ cũ"));
        assertThat(reviews.toAnswer(secretaryElsewhere)).isEmpty();
    }

    @Test
    void aSubmittedSelfAssessmentGoesBackToTheMemberWhoSubmitsAgain(AssertablePublishedEvents events) {
        Caller an = f.member(f.an);
        assessments.submit(f.cycle, ReviewFixture.FULL, an);
        String before = f.snapshot();
        refused(() -> assessments.sendBack(f.cycle, f.an.value(), "  ", secretaryA),
                EvaluationRefusal.REASON_REQUIRED);
        refused(() -> assessments.sendBack(f.cycle, f.an.value(), "x".repeat(2001), secretaryA),
                EvaluationRefusal.REASON_TOO_LONG);
        refused(() -> assessments.sendBack(f.cycle, f.an.value(), "Thiếu phần 2", f.secretaryOf(f.chapterB)),
                EvaluationRefusal.OUT_OF_SCOPE);
        refused(() -> assessments.sendBack(f.cycle, f.binh.value(), "Chưa nộp", secretaryA),
                EvaluationRefusal.SELF_ASSESSMENT_NOT_SUBMITTED);
        assertThat(f.snapshot()).isEqualTo(before);

        assessments.sendBack(f.cycle, f.an.value(), "Phần 2 cần nêu nguyên nhân.", secretaryA);
        assertThat(events.ofType(SelfAssessmentReturned.class).matching(e -> e.member().equals(f.an.value())
                && e.reason().equals("Phần 2 cần nêu nguyên nhân."))).hasSize(1);
        var mine = assessments.mine(f.cycle, an);
        assertThat(mine.status()).isEqualTo(SelfAssessmentStatus.DRAFT);
        assertThat(mine.editable()).isTrue();
        assertThat(mine.returnedReason()).isEqualTo("Phần 2 cần nêu nguyên nhân.");
        String draft = f.snapshot();
        refused(() -> assessments.sendBack(f.cycle, f.an.value(), "Lại", secretaryA),
                EvaluationRefusal.SELF_ASSESSMENT_NOT_SUBMITTED);
        assertThat(f.snapshot()).isEqualTo(draft);
        assertThat(assessments.submit(f.cycle, ReviewFixture.FULL, an).status())
                .isEqualTo(SelfAssessmentStatus.SUBMITTED);
        assertThat(reviews.member(f.cycle, f.an.value(), secretaryA).selfReview()).isEqualTo(ReviewFixture.FULL);
        f.close();
        String closed = f.snapshot();
        refused(() -> assessments.sendBack(f.cycle, f.an.value(), "Muộn", ReviewFixture.EVALUATOR),
                EvaluationRefusal.CYCLE_CLOSED);
        assertThat(f.snapshot()).isEqualTo(closed);
    }

    static void refused(Executable call, EvaluationRefusal reason) {
        assertThatThrownBy(call::execute).isInstanceOfSatisfying(Refused.class,
                e -> assertThat(e.reason()).isEqualTo(reason));
    }
}

package org.cadre.evaluation.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.cadre.evaluation.ChapterProposalMade;
import org.cadre.evaluation.EvaluationRefusal;
import org.cadre.evaluation.ReviewStatus;
import org.cadre.evaluation.domain.ChapterReview.Frame;
import org.cadre.evaluation.domain.ChapterReview.Written;
import org.cadre.platform.Refused;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The chapter's review as plain Java: a draft checks lengths and the level only, a proposal needs a level of the scale
 * and a reason when it departs from the engine's, a proposal may be made again while the cycle is open and the list
 * undecided, and a refused change leaves the review as it was.
 */
class ChapterReviewDomainTests {

    static final List<String> SCALE = List.of("HTXSNV", "HTTNV", "HTNV", "KHTNV");
    static final Instant NOW = Instant.parse("2005-12-20T03:00:00Z");
    final UUID cycle = UUID.randomUUID();
    final UUID member = UUID.randomUUID();
    final UUID chapter = UUID.randomUUID();

    static Frame open(String engine) {
        return new Frame(true, false, SCALE, engine, NOW);
    }

    @Test
    void aProposalFollowingTheEngineNeedsNoReasonAndRaisesItsEvent() {
        ChapterReview review = ChapterReview.start(cycle, member, chapter);
        review.saveDraft(new Written("  Gương mẫu  ", null, null), open("HTTNV"));
        assertThat(review.status()).isEqualTo(ReviewStatus.DRAFT);
        assertThat(review.written().comment()).isEqualTo("Gương mẫu");

        ChapterProposalMade made = review.propose(new Written("Gương mẫu", "HTTNV", ""), open("HTTNV"), "sec");
        assertThat(made).isEqualTo(new ChapterProposalMade(cycle, member, chapter, "HTTNV", "HTTNV", null, "sec",
                NOW));
        assertThat(review.status()).isEqualTo(ReviewStatus.PROPOSED);
        assertThat(review.proposedAt()).isEqualTo(NOW);

        ChapterProposalMade again = review.propose(new Written("Gương mẫu", "HTXSNV", "Dẫn đầu"), open("HTTNV"), "sec");
        assertThat(again.level()).isEqualTo("HTXSNV");
        assertThat(again.reason()).isEqualTo("Dẫn đầu");
        assertThat(review.written().level()).isEqualTo("HTXSNV");
    }

    @Test
    void withoutAnEngineLevelEveryProposalSaysWhy() {
        ChapterReview review = ChapterReview.start(cycle, member, chapter);
        refused(() -> review.propose(new Written(null, "HTNV", null), open(null), "sec"),
                EvaluationRefusal.REASON_REQUIRED);
        assertThat(review.propose(new Written(null, "HTNV", "Chưa chạy xếp loại"), open(null), "sec").engineLevel())
                .isNull();
    }

    @Test
    void refusedChangesLeaveTheReviewAsItWas() {
        ChapterReview review = ChapterReview.start(cycle, member, chapter);
        review.saveDraft(new Written("Nháp", "HTNV", null), open("HTTNV"));
        refused(() -> review.propose(new Written("Khác", "HTNV", null), open("HTTNV"), "sec"),
                EvaluationRefusal.REASON_REQUIRED);
        refused(() -> review.propose(new Written("Khác", null, "x"), open("HTTNV"), "sec"),
                EvaluationRefusal.LEVEL_NOT_IN_SCALE);
        refused(() -> review.saveDraft(new Written("Khác", "GIOI", null), open("HTTNV")),
                EvaluationRefusal.LEVEL_NOT_IN_SCALE);
        refused(() -> review.saveDraft(new Written("x".repeat(4001), null, null), open("HTTNV")),
                EvaluationRefusal.TEXT_TOO_LONG);
        refused(() -> review.propose(new Written("Khác", "HTNV", "x".repeat(2001)), open("HTTNV"), "sec"),
                EvaluationRefusal.REASON_TOO_LONG);
        refused(() -> review.propose(new Written("Khác", "HTTNV", null), new Frame(false, false, SCALE, "HTTNV", NOW),
                "sec"), EvaluationRefusal.CYCLE_CLOSED);
        refused(() -> review.propose(new Written("Khác", "HTTNV", null), new Frame(true, true, SCALE, "HTTNV", NOW),
                "sec"), EvaluationRefusal.REVIEW_LOCKED);
        assertThat(review.written()).isEqualTo(new Written("Nháp", "HTNV", null));
        assertThat(review.status()).isEqualTo(ReviewStatus.DRAFT);

        review.propose(new Written("Tốt", "HTTNV", null), open("HTTNV"), "sec");
        refused(() -> review.saveDraft(new Written("Nháp mới", "HTNV", null), open("HTTNV")),
                EvaluationRefusal.REVIEW_PROPOSED);
        assertThat(review.written()).isEqualTo(new Written("Tốt", "HTTNV", null));
        assertThat(review.editable(new Frame(true, true, SCALE, "HTTNV", NOW))).isFalse();
    }

    @Test
    void aCommentRequestIsAnsweredOnce() {
        CommentRequest request = new CommentRequest(UUID.randomUUID(), cycle, member, chapter, null, null, null,
                null);
        List<String> stances = List.of("POSITIVE", "CONCERN", "NEGATIVE");
        refused(() -> request.answer("GOOD", stances, "Tốt", true, "sec", NOW), EvaluationRefusal.STANCE_UNKNOWN);
        refused(() -> request.answer("POSITIVE", stances, "Tốt", false, "sec", NOW), EvaluationRefusal.CYCLE_CLOSED);
        assertThat(request.answeredAt()).isNull();
        assertThat(request.answer(" concern ", stances, " Còn chậm ", true, "sec", NOW).stance())
                .isEqualTo("CONCERN");
        assertThat(request.text()).isEqualTo("Còn chậm");
        refused(() -> request.answer("POSITIVE", stances, "Đổi ý", true, "sec", NOW),
                EvaluationRefusal.COMMENT_ALREADY_GIVEN);
        assertThat(request.stance()).isEqualTo("CONCERN");
    }

    static void refused(Executable call, EvaluationRefusal reason) {
        assertThatThrownBy(call::execute).isInstanceOfSatisfying(Refused.class,
                e -> assertThat(e.reason()).isEqualTo(reason));
    }
}

package org.cadre.evaluation.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cadre.evaluation.domain.ChapterReviewDomainTests.refused;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.cadre.evaluation.EvaluationRefusal;
import org.cadre.evaluation.SelfAssessmentReturned;
import org.cadre.evaluation.SelfAssessmentStatus;
import org.cadre.evaluation.SelfReview;
import org.junit.jupiter.api.Test;

/**
 * Sending a submitted self-assessment back: a draft again with the reason, which the member reworks and submits again;
 * only a submitted one goes back, with a reason, while the cycle is open, and a refusal changes nothing.
 */
class SelfAssessmentSendBackTests {

    static final Instant NOW = Instant.parse("2005-12-10T03:00:00Z");
    static final SelfReview FULL = new SelfReview("Tốt", "Chậm", "Sửa", "HTTNV");
    static final SelfAssessment.Window WINDOW = new SelfAssessment.Window(true, null, NOW, ZoneId.of("UTC"),
            List.of("HTXSNV", "HTTNV", "HTNV", "KHTNV"));

    final UUID cycle = UUID.randomUUID();
    final UUID member = UUID.randomUUID();

    @Test
    void aSubmittedOneGoesBackAsADraftAndIsSubmittedAgain() {
        SelfAssessment assessment = SelfAssessment.start(cycle, member);
        assessment.submit(FULL, WINDOW);
        SelfAssessmentReturned returned = assessment.sendBack("  Phần 2 thiếu nguyên nhân. ", true, "sec", NOW);
        assertThat(returned).isEqualTo(new SelfAssessmentReturned(cycle, member, "Phần 2 thiếu nguyên nhân.", "sec",
                NOW));
        assertThat(assessment.status()).isEqualTo(SelfAssessmentStatus.DRAFT);
        assertThat(assessment.submittedAt()).isNull();
        assertThat(assessment.review()).isEqualTo(FULL);
        assertThat(assessment.editable(WINDOW)).isTrue();
        assertThat(assessment.returned()).hasValueSatisfying(r -> assertThat(r.by()).isEqualTo("sec"));
        assessment.submit(FULL, WINDOW);
        assertThat(assessment.status()).isEqualTo(SelfAssessmentStatus.SUBMITTED);
    }

    @Test
    void onlyASubmittedOneGoesBackWithAReasonWhileTheCycleIsOpen() {
        SelfAssessment draft = SelfAssessment.start(cycle, member);
        draft.saveDraft(FULL, WINDOW);
        refused(() -> draft.sendBack("Sửa", true, "sec", NOW), EvaluationRefusal.SELF_ASSESSMENT_NOT_SUBMITTED);

        SelfAssessment submitted = SelfAssessment.start(cycle, member);
        submitted.submit(FULL, WINDOW);
        refused(() -> submitted.sendBack(" ", true, "sec", NOW), EvaluationRefusal.REASON_REQUIRED);
        refused(() -> submitted.sendBack("x".repeat(2001), true, "sec", NOW), EvaluationRefusal.REASON_TOO_LONG);
        refused(() -> submitted.sendBack("Sửa", false, "sec", NOW), EvaluationRefusal.CYCLE_CLOSED);
        assertThat(submitted.status()).isEqualTo(SelfAssessmentStatus.SUBMITTED);
        assertThat(submitted.returned()).isEmpty();
    }
}

package org.cadre.evaluation.selfassessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.cadre.evaluation.EvaluationRefusal;
import org.cadre.evaluation.SelfAssessmentOverview;
import org.cadre.evaluation.SelfAssessmentStatus;
import org.cadre.evaluation.SelfAssessmentSubmitted;
import org.cadre.evaluation.SelfAssessmentView;
import org.cadre.evaluation.SelfAssessments;
import org.cadre.evaluation.SelfReview;
import org.cadre.evaluation.internal.selfassessment.SelfAssessmentFacts;
import org.cadre.organizations.Members;
import org.cadre.organizations.Organizations;
import org.cadre.platform.Caller;
import org.cadre.platform.Refused;
import org.cadre.platform.testing.MutableClock;
import org.cadre.ratingrules.RulePackRegistry;
import org.cadre.ratingrules.facts.MemberFacts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.AssertablePublishedEvents;

/**
 * A member writes, saves and submits their own review before the deadline; every bad input is refused with its reason
 * and writes nothing; the secretary sees who has not submitted and reminds them; a run's facts get what was submitted.
 */
@SelfAssessmentModuleTest
class SelfAssessmentTests {

    @Autowired
    SelfAssessments assessments;
    @Autowired
    SelfAssessmentFacts facts;
    @Autowired
    Organizations organizations;
    @Autowired
    Members members;
    @Autowired
    RulePackRegistry registry;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MutableClock clock;

    SelfAssessmentFixture f;

    @BeforeEach
    void tree() {
        f = new SelfAssessmentFixture(organizations, members, registry, jdbc);
    }

    @AfterEach
    void time() {
        clock.reset();
    }

    @Test
    void aMemberSavesADraftThenSubmitsItAndItNoLongerChanges(AssertablePublishedEvents events) {
        Caller an = f.member(f.an);
        SelfAssessmentView empty = assessments.mine(f.cycle, an);
        assertThat(empty.status()).isEqualTo(SelfAssessmentStatus.NOT_STARTED);
        assertThat(empty.editable()).isTrue();
        assertThat(empty.scale()).extracting(RulePackRegistry.Level::code)
                .containsExactly("HTXSNV", "HTTNV", "HTNV", "KHTNV");

        SelfAssessmentView draft = assessments.saveDraft(f.cycle,
                new SelfReview("  Hoàn thành tốt công việc.  ", null, "", "HTTNV"), an);
        assertThat(draft.status()).isEqualTo(SelfAssessmentStatus.DRAFT);
        assertThat(draft.review()).isEqualTo(new SelfReview("Hoàn thành tốt công việc.", null, null, "HTTNV"));
        assertThat(assessments.mine(f.cycle, an).review().strengths()).isEqualTo("Hoàn thành tốt công việc.");
        assertThat(events.ofType(SelfAssessmentSubmitted.class)).isEmpty();

        // a draft is not submitted: part 2 (shortcomings) is still empty
        assertThatThrownBy(() -> assessments.submit(f.cycle, draft.review(), an))
                .isInstanceOfSatisfying(Refused.class, e -> {
                    assertThat(e.reason()).isEqualTo(EvaluationRefusal.SELF_ASSESSMENT_INCOMPLETE);
                    assertThat(e.arguments()).containsExactly("2");
                });
        assertThat(assessments.mine(f.cycle, an).status()).isEqualTo(SelfAssessmentStatus.DRAFT);

        SelfAssessmentView submitted = assessments.submit(f.cycle, SelfAssessmentFixture.FULL, an);
        assertThat(submitted.status()).isEqualTo(SelfAssessmentStatus.SUBMITTED);
        assertThat(submitted.submittedAt()).isNotNull();
        assertThat(submitted.editable()).isFalse();
        assertThat(events.ofType(SelfAssessmentSubmitted.class)
                .matching(e -> e.member().equals(f.an.value()) && e.cycle().equals(f.cycle))).hasSize(1)
                .element(0).extracting(SelfAssessmentSubmitted::level).isEqualTo("HTTNV");

        assertThatThrownBy(() -> assessments.saveDraft(f.cycle, new SelfReview("Khác", null, null, "HTNV"), an))
                .isInstanceOfSatisfying(Refused.class,
                        e -> assertThat(e.reason()).isEqualTo(EvaluationRefusal.SELF_ASSESSMENT_SUBMITTED));
        assertThat(assessments.mine(f.cycle, an).review()).isEqualTo(SelfAssessmentFixture.FULL);
    }

    @Test
    void submittingAfterTheDeadlineIsRefusedAndWritesNothing() {
        Caller an = f.member(f.an);
        LocalDate today = LocalDate.now(clock);
        assessments.setDeadline(f.cycle, today, SelfAssessmentFixture.EVALUATOR);
        assessments.saveDraft(f.cycle, new SelfReview("Bản nháp", null, null, null), an);
        assertThat(assessments.mine(f.cycle, an).deadline()).isEqualTo(today);

        clock.advance(Duration.ofDays(1));
        assertThat(assessments.mine(f.cycle, an).editable()).isFalse();
        assertThatThrownBy(() -> assessments.submit(f.cycle, SelfAssessmentFixture.FULL, an))
                .isInstanceOfSatisfying(Refused.class, e -> {
                    assertThat(e.reason()).isEqualTo(EvaluationRefusal.SELF_ASSESSMENT_DEADLINE_PASSED);
                    assertThat(e.arguments()).containsExactly(String.format("%02d/%02d/%d", today.getDayOfMonth(),
                            today.getMonthValue(), today.getYear()));
                });
        SelfAssessmentView after = assessments.mine(f.cycle, an);
        assertThat(after.status()).isEqualTo(SelfAssessmentStatus.DRAFT);
        assertThat(after.review()).isEqualTo(new SelfReview("Bản nháp", null, null, null));

        // staff move the deadline: the member submits
        assessments.setDeadline(f.cycle, LocalDate.now(clock), SelfAssessmentFixture.EVALUATOR);
        assertThat(assessments.submit(f.cycle, SelfAssessmentFixture.FULL, an).status())
                .isEqualTo(SelfAssessmentStatus.SUBMITTED);
    }

    @Test
    void onlyTheMemberWritesTheirOwnAndOnlyMembersOfTheCycle() {
        assessments.submit(f.cycle, SelfAssessmentFixture.FULL, f.member(f.an));
        // another member writes their own, never An's: the member comes from the caller, not from the request
        SelfAssessmentView binh = assessments.saveDraft(f.cycle, new SelfReview("Của Bình", null, null, "HTNV"),
                f.member(f.binh));
        assertThat(binh.member()).isEqualTo(f.binh.value());
        assertThat(assessments.mine(f.cycle, f.member(f.an)).review()).isEqualTo(SelfAssessmentFixture.FULL);

        // a member outside the cycle's scope, a user who is no member (staff, a secretary)
        assertThatThrownBy(() -> assessments.saveDraft(f.cycle, SelfAssessmentFixture.FULL, f.member(f.outsider)))
                .isInstanceOfSatisfying(Refused.class,
                        e -> assertThat(e.reason()).isEqualTo(EvaluationRefusal.MEMBER_UNKNOWN));
        assertThatThrownBy(() -> assessments.saveDraft(f.cycle, SelfAssessmentFixture.FULL,
                SelfAssessmentFixture.EVALUATOR)).isInstanceOfSatisfying(Refused.class,
                        e -> assertThat(e.reason()).isEqualTo(EvaluationRefusal.NOT_ALLOWED));
        assertThat(rows(f.outsider.value())).isZero();
    }

    @Test
    void aLevelNotInThePinnedScaleAndATooLongTextAreRefusedAndWriteNothing() {
        Caller an = f.member(f.an);
        assessments.saveDraft(f.cycle, new SelfReview("Trước", null, null, "HTNV"), an);
        assertThatThrownBy(() -> assessments.submit(f.cycle, new SelfReview("a", "b", "c", "TSVM"), an))
                .isInstanceOfSatisfying(Refused.class, e -> {
                    assertThat(e.reason()).isEqualTo(EvaluationRefusal.LEVEL_NOT_IN_SCALE);
                    assertThat(e.arguments()).containsExactly("TSVM", "HTXSNV, HTTNV, HTNV, KHTNV");
                });
        assertThatThrownBy(() -> assessments.saveDraft(f.cycle,
                new SelfReview("x".repeat(SelfReview.MAX_TEXT + 1), null, null, null), an))
                .isInstanceOfSatisfying(Refused.class, e -> {
                    assertThat(e.reason()).isEqualTo(EvaluationRefusal.SELF_ASSESSMENT_TOO_LONG);
                    assertThat(e.arguments()).containsExactly("1", String.valueOf(SelfReview.MAX_TEXT));
                });
        assertThat(assessments.mine(f.cycle, an).review()).isEqualTo(new SelfReview("Trước", null, null, "HTNV"));
    }

    @Test
    void aClosedCycleTakesNoChange() {
        Caller an = f.member(f.an);
        assessments.saveDraft(f.cycle, new SelfReview("Trước", null, null, null), an);
        jdbc.sql("UPDATE evaluation.cycle SET status = 'CLOSED' WHERE cycle_id = :id").param("id", f.cycle).update();

        for (Runnable change : List.<Runnable>of(
                () -> assessments.saveDraft(f.cycle, SelfAssessmentFixture.FULL, an),
                () -> assessments.submit(f.cycle, SelfAssessmentFixture.FULL, an),
                () -> assessments.remind(f.cycle, f.chapterA.value(), null, f.secretaryOf(f.chapterA)),
                () -> assessments.setDeadline(f.cycle, LocalDate.now(clock), SelfAssessmentFixture.EVALUATOR))) {
            assertThatThrownBy(change::run).isInstanceOfSatisfying(Refused.class,
                    e -> assertThat(e.reason()).isEqualTo(EvaluationRefusal.CYCLE_CLOSED));
        }
        SelfAssessmentView mine = assessments.mine(f.cycle, an);
        assertThat(mine.review()).isEqualTo(new SelfReview("Trước", null, null, null));
        assertThat(mine.cycleOpen()).isFalse();
        assertThat(mine.editable()).isFalse();
        assertThat(assessments.myCycles(an)).extracting(SelfAssessmentView::cycle).doesNotContain(f.cycle);
    }

    @Test
    void theSecretarySeesWhoHasNotSubmittedWithTheProposedLevelsAndRemindsThem() {
        assessments.submit(f.cycle, SelfAssessmentFixture.FULL, f.member(f.an));
        assessments.saveDraft(f.cycle, new SelfReview("Nháp", null, null, "HTXSNV"), f.member(f.binh));
        Caller secretary = f.secretaryOf(f.chapterA);

        SelfAssessmentOverview chapter = assessments.overview(f.cycle, null, secretary);
        assertThat(chapter.organization()).isEqualTo(f.chapterA.value());
        Map<UUID, SelfAssessmentOverview.Row> rows = byMember(chapter);
        assertThat(rows).containsOnlyKeys(f.an.value(), f.binh.value());
        assertThat(rows.get(f.an.value()).status()).isEqualTo(SelfAssessmentStatus.SUBMITTED);
        assertThat(rows.get(f.an.value()).level()).isEqualTo("HTTNV");
        // a draft is the member's own until submitted: its level is not shown
        assertThat(rows.get(f.binh.value()).status()).isEqualTo(SelfAssessmentStatus.DRAFT);
        assertThat(rows.get(f.binh.value()).level()).isNull();
        assertThat(chapter.count(SelfAssessmentStatus.SUBMITTED)).isEqualTo(1);

        assertThat(assessments.remind(f.cycle, f.chapterA.value(), null, secretary)).isEqualTo(1);
        rows = byMember(assessments.overview(f.cycle, f.chapterA.value(), secretary));
        assertThat(rows.get(f.binh.value()).remindedAt()).isNotNull();
        assertThat(rows.get(f.an.value()).remindedAt()).isNull();
        assertThat(assessments.mine(f.cycle, f.member(f.binh)).remindedAt()).isNotNull();
        assertThatThrownBy(() -> assessments.remind(f.cycle, f.chapterA.value(), f.an.value(), secretary))
                .isInstanceOfSatisfying(Refused.class,
                        e -> assertThat(e.reason()).isEqualTo(EvaluationRefusal.SELF_ASSESSMENT_SUBMITTED));

        // the committee above sees both chapters; the secretary of A not chapter B; staff everywhere
        Map<UUID, SelfAssessmentOverview.Row> all = byMember(assessments.overview(f.cycle, null,
                f.secretaryOf(f.committee)));
        assertThat(all).containsOnlyKeys(f.an.value(), f.binh.value(), f.cuong.value());
        assertThat(all.get(f.cuong.value()).status()).isEqualTo(SelfAssessmentStatus.NOT_STARTED);
        assertThatThrownBy(() -> assessments.overview(f.cycle, f.chapterB.value(), secretary))
                .isInstanceOfSatisfying(Refused.class,
                        e -> assertThat(e.reason()).isEqualTo(EvaluationRefusal.OUT_OF_SCOPE));
        assertThatThrownBy(() -> assessments.remind(f.cycle, f.chapterB.value(), f.cuong.value(), secretary))
                .isInstanceOfSatisfying(Refused.class,
                        e -> assertThat(e.reason()).isEqualTo(EvaluationRefusal.OUT_OF_SCOPE));
        assertThat(byMember(assessments.overview(f.cycle, null, SelfAssessmentFixture.EVALUATOR))).hasSize(3);
        // only staff set the deadline
        assertThatThrownBy(() -> assessments.setDeadline(f.cycle, LocalDate.now(clock), secretary))
                .isInstanceOfSatisfying(Refused.class,
                        e -> assertThat(e.reason()).isEqualTo(EvaluationRefusal.NOT_ALLOWED));
    }

    @Test
    void aRunsFactsGetWhatWasSubmittedNotDrafts() {
        assessments.submit(f.cycle, SelfAssessmentFixture.FULL, f.member(f.an));
        assessments.saveDraft(f.cycle, new SelfReview("Nháp", null, null, "HTXSNV"), f.member(f.binh));
        MemberFacts an = facts(f.an.value());
        MemberFacts binh = facts(f.binh.value());
        MemberFacts cuong = facts(f.cuong.value());

        facts.applyTo(f.cycle, List.of(an, binh, cuong));

        assertThat(an.isSelfReviewSubmitted()).isTrue();
        assertThat(an.getSelfAssessedLevel()).isEqualTo("HTTNV");
        assertThat(binh.isSelfReviewSubmitted()).isFalse();
        assertThat(binh.getSelfAssessedLevel()).isNull();
        assertThat(cuong.isSelfReviewSubmitted()).isFalse();
        // another cycle's submissions are not this one's
        MemberFacts elsewhere = facts(f.an.value());
        facts.applyTo(UUID.randomUUID(), List.of(elsewhere));
        assertThat(elsewhere.isSelfReviewSubmitted()).isFalse();
        facts.applyTo(f.cycle, List.of()); // an empty batch asks nothing
    }

    private static MemberFacts facts(UUID member) {
        MemberFacts facts = new MemberFacts();
        facts.setSubjectId(member.toString());
        return facts;
    }

    private static Map<UUID, SelfAssessmentOverview.Row> byMember(SelfAssessmentOverview overview) {
        return overview.rows().stream().collect(Collectors.toMap(SelfAssessmentOverview.Row::member, r -> r));
    }

    private int rows(UUID member) {
        return jdbc.sql("SELECT count(*) FROM evaluation.self_assessment WHERE member_id = :m").param("m", member)
                .query(Integer.class).single();
    }
}

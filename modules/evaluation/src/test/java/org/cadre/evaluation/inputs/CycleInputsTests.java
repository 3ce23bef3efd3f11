package org.cadre.evaluation.inputs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cadre.evaluation.inputs.InputsFixture.EVALUATOR;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cadre.evaluation.EvaluationRefusal;
import org.cadre.evaluation.internal.inputs.CriterionValue;
import org.cadre.evaluation.internal.inputs.CycleInputs;
import org.cadre.evaluation.internal.inputs.InputEntries;
import org.cadre.evaluation.internal.inputs.InputRules;
import org.cadre.organizations.Members;
import org.cadre.organizations.Organizations;
import org.cadre.platform.Caller;
import org.cadre.platform.Refused;
import org.cadre.platform.Role;
import org.cadre.ratingrules.RulePackRegistry;
import org.cadre.ratingrules.facts.MemberFacts;
import org.cadre.ratingrules.facts.OrganizationFacts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Entries one by one (criteria, scores, sick leave, residence comments, civil-service ratings): checked against the
 * cycle's pinned pack, refused whole with nothing written, by role and subtree; and what a run reads of them.
 */
@InputsModuleTest
class CycleInputsTests {

    @Autowired
    Organizations organizations;
    @Autowired
    Members members;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RulePackRegistry registry;
    @Autowired
    InputEntries entries;
    @Autowired
    CycleInputs inputs;

    InputsFixture f;
    UUID levels;
    UUID scores;

    @BeforeEach
    void cycle() {
        InputsFixture.ensurePack(registry, "qd124-hd25");
        InputsFixture.ensurePack(registry, "qd366-hd43");
        f = new InputsFixture(organizations, members, jdbc);
        levels = f.cycle(2024, "qd124-hd25", "OPEN");
        scores = null;
    }

    UUID scoredCycle() {
        return f.cycle(2025, "qd366-hd43", "OPEN");
    }

    int rows(String table) {
        return jdbc.sql("SELECT count(*) FROM evaluation." + table + " WHERE cycle_id IN (:a, :b)")
                .param("a", levels).param("b", scores == null ? levels : scores).query(Integer.class).single();
    }

    static EvaluationRefusal reason(Throwable e) {
        return (EvaluationRefusal) ((Refused) e).reason();
    }

    @Test
    void aChapterEntersCriterionLevelsByCodeOrLabelAndARunReadsThem() {
        Caller secretary = f.secretaryOf(f.chapterA);
        entries.enterMemberCriteria(levels, f.an.value(), List.of(new CriterionValue("CHINH_TRI", "TOT", null),
                new CriterionValue("NHIEM_VU", "xuất sắc", null)), secretary);
        entries.enterOrganizationCriteria(levels, f.chapterA.value(),
                List.of(new CriterionValue("DOAN_KET", "Tốt", null)), secretary);

        MemberFacts an = member(f.an.value());
        MemberFacts binh = member(f.binh.value());
        OrganizationFacts chapter = organization(f.chapterA.value());
        inputs.applyTo(levels, List.of(an, binh), List.of(chapter));

        assertThat(an.getCriterionLevels()).containsExactlyInAnyOrderEntriesOf(
                Map.of("CHINH_TRI", "TOT", "NHIEM_VU", "XUAT_SAC"));
        assertThat(binh.getCriterionLevels()).isEmpty();
        assertThat(chapter.getCriterionLevels()).containsExactlyEntriesOf(Map.of("DOAN_KET", "TOT"));
    }

    @Test
    void anUnknownCriterionOrALevelOutsideTheScaleIsRefusedAndNothingOfTheChangeIsWritten() {
        assertThatThrownBy(() -> entries.enterMemberCriteria(levels, f.an.value(), List.of(
                new CriterionValue("CHINH_TRI", "TOT", null), new CriterionValue("NGOAI_KHUNG", "TOT", null)),
                EVALUATOR)).satisfies(e -> assertThat(reason(e)).isEqualTo(EvaluationRefusal.CRITERION_UNKNOWN));
        assertThatThrownBy(() -> entries.enterMemberCriteria(levels, f.an.value(), List.of(
                new CriterionValue("CHINH_TRI", "TOT", null), new CriterionValue("NHIEM_VU", "Giỏi", null)),
                EVALUATOR)).satisfies(e -> assertThat(reason(e)).isEqualTo(EvaluationRefusal.LEVEL_NOT_IN_SCALE));
        // an organization's criterion is not a member's
        assertThatThrownBy(() -> entries.enterMemberCriteria(levels, f.an.value(),
                List.of(new CriterionValue("DOAN_KET", "TOT", null)), EVALUATOR))
                .satisfies(e -> assertThat(reason(e)).isEqualTo(EvaluationRefusal.CRITERION_UNKNOWN));
        assertThat(rows("criterion_entry")).isZero();
    }

    @Test
    void aScoredRegimeTakesGroupScoresWithinThePacksMaximaAndRefusesOthers() {
        scores = scoredCycle();
        entries.enterMemberCriteria(scores, f.an.value(), List.of(
                new CriterionValue(InputRules.SCORE_GENERAL, null, new BigDecimal("27.5")),
                new CriterionValue(InputRules.SCORE_TASK, null, new BigDecimal("64"))), EVALUATOR);

        assertThatThrownBy(() -> entries.enterMemberCriteria(scores, f.binh.value(), List.of(
                new CriterionValue(InputRules.SCORE_GENERAL, null, new BigDecimal("20")),
                new CriterionValue(InputRules.SCORE_TASK, null, new BigDecimal("71"))), EVALUATOR))
                .satisfies(e -> {
                    assertThat(reason(e)).isEqualTo(EvaluationRefusal.SCORE_OUT_OF_RANGE);
                    assertThat(((Refused) e).arguments()).containsExactly("71", "0", "70");
                });
        assertThatThrownBy(() -> entries.enterMemberCriteria(scores, f.binh.value(),
                List.of(new CriterionValue(InputRules.SCORE_GENERAL, null, new BigDecimal("-1"))), EVALUATOR))
                .satisfies(e -> assertThat(reason(e)).isEqualTo(EvaluationRefusal.SCORE_OUT_OF_RANGE));
        // QĐ 366 has no per-criterion levels: a criterion of another regime is unknown to it
        assertThatThrownBy(() -> entries.enterMemberCriteria(scores, f.binh.value(),
                List.of(new CriterionValue("CHINH_TRI", "TOT", null)), EVALUATOR))
                .satisfies(e -> assertThat(reason(e)).isEqualTo(EvaluationRefusal.CRITERION_UNKNOWN));
        // and a regime of levels has no score groups
        assertThatThrownBy(() -> entries.enterMemberCriteria(levels, f.binh.value(),
                List.of(new CriterionValue(InputRules.SCORE_TASK, null, new BigDecimal("50"))), EVALUATOR))
                .satisfies(e -> assertThat(reason(e)).isEqualTo(EvaluationRefusal.CRITERION_UNKNOWN));

        MemberFacts an = member(f.an.value());
        MemberFacts binh = member(f.binh.value());
        inputs.applyTo(scores, List.of(an, binh), List.of());
        assertThat(an.getScoreGeneral()).isEqualTo(27.5);
        assertThat(an.getScoreTask()).isEqualTo(64.0);
        assertThat(an.getScore()).isEqualTo(91.5);
        assertThat(binh.isScored()).as("nothing of the refused changes was written").isFalse();
    }

    @Test
    void sickLeaveIsZeroToTwelveMonthsInHalfMonthSteps() {
        entries.setSickLeave(levels, f.an.value(), new BigDecimal("3.5"), EVALUATOR);
        for (String bad : List.of("12.5", "-0.5", "2.25", "13")) {
            assertThatThrownBy(() -> entries.setSickLeave(levels, f.binh.value(), new BigDecimal(bad), EVALUATOR))
                    .as(bad).satisfies(e -> assertThat(reason(e))
                            .isEqualTo(EvaluationRefusal.SICK_LEAVE_OUT_OF_RANGE));
        }
        MemberFacts an = member(f.an.value());
        MemberFacts binh = member(f.binh.value());
        inputs.applyTo(levels, List.of(an, binh), List.of());
        assertThat(an.getSickLeaveMonths()).isEqualTo(3.5);
        assertThat(binh.getSickLeaveMonths()).isZero();
        assertThat(rows("sick_leave")).isEqualTo(1);
    }

    @Test
    void aResidenceCommentNeedsAKnownStanceAndADateInTheYearAndCountsByStance() {
        entries.setResidenceComment(levels, f.an.value(), "NEGATIVE", "Chưa gương mẫu ở khu dân cư",
                LocalDate.of(2024, 11, 20), f.secretaryOf(f.chapterA));
        assertThatThrownBy(() -> entries.setResidenceComment(levels, f.binh.value(), "POSITIVE", "Tốt",
                LocalDate.of(2025, 1, 3), EVALUATOR))
                .satisfies(e -> assertThat(reason(e)).isEqualTo(EvaluationRefusal.DATE_OUT_OF_YEAR));
        assertThatThrownBy(() -> entries.setResidenceComment(levels, f.binh.value(), "GOOD", "Tốt",
                LocalDate.of(2024, 11, 3), EVALUATOR))
                .satisfies(e -> assertThat(reason(e)).isEqualTo(EvaluationRefusal.STANCE_UNKNOWN));
        assertThatThrownBy(() -> entries.setResidenceComment(levels, f.binh.value(), "POSITIVE", "x".repeat(4001),
                LocalDate.of(2024, 11, 3), EVALUATOR))
                .satisfies(e -> assertThat(reason(e)).isEqualTo(EvaluationRefusal.TEXT_TOO_LONG));

        MemberFacts an = member(f.an.value());
        an.getCommentsByStance().put("NEGATIVE", 1); // a coordinating body's comment already counted
        MemberFacts binh = member(f.binh.value());
        inputs.applyTo(levels, List.of(an, binh), List.of());
        assertThat(an.getCommentsByStance()).containsEntry("NEGATIVE", 2);
        assertThat(an.extraFlag("residenceCommentReceived")).isTrue();
        assertThat(binh.getCommentsByStance()).isEmpty();
        assertThat(binh.extraFlag("residenceCommentReceived")).isFalse();
    }

    @Test
    void aCivilServiceRatingIsEnteredByStaffAsALevelOfTheMemberScale() {
        entries.rateCivilService(levels, f.an.value(), "hoàn thành tốt nhiệm vụ", EVALUATOR);
        assertThatThrownBy(() -> entries.rateCivilService(levels, f.binh.value(), "GIOI", EVALUATOR))
                .satisfies(e -> assertThat(reason(e)).isEqualTo(EvaluationRefusal.LEVEL_NOT_IN_SCALE));
        assertThatThrownBy(() -> entries.rateCivilService(levels, f.binh.value(), "HTTNV",
                f.secretaryOf(f.chapterA)))
                .satisfies(e -> assertThat(reason(e)).isEqualTo(EvaluationRefusal.NOT_ALLOWED));
        MemberFacts an = member(f.an.value());
        inputs.applyTo(levels, List.of(an), List.of());
        assertThat(an.getCivilServiceRating()).isEqualTo("HTTNV");
        assertThat(rows("civil_service_rating")).isEqualTo(1);
    }

    @Test
    void aSecretaryEntersOnlyInTheirSubtreeAndMembersAndReviewersNowhere() {
        Caller secretaryA = f.secretaryOf(f.chapterA);
        assertThatThrownBy(() -> entries.setSickLeave(levels, f.cuong.value(), BigDecimal.ONE, secretaryA))
                .satisfies(e -> assertThat(reason(e)).isEqualTo(EvaluationRefusal.OUT_OF_SCOPE));
        assertThatThrownBy(() -> entries.enterOrganizationCriteria(levels, f.chapterB.value(),
                List.of(new CriterionValue("DOAN_KET", "TOT", null)), secretaryA))
                .satisfies(e -> assertThat(reason(e)).isEqualTo(EvaluationRefusal.OUT_OF_SCOPE));
        for (Caller nobody : List.of(Caller.of("m", Role.MEMBER).withMember(f.an.value()),
                Caller.of("r", Role.REVIEWER))) {
            assertThatThrownBy(() -> entries.setSickLeave(levels, f.an.value(), BigDecimal.ONE, nobody))
                    .satisfies(e -> assertThat(reason(e)).isEqualTo(EvaluationRefusal.NOT_ALLOWED));
        }
        // the secretary of the committee reaches both chapters
        entries.setSickLeave(levels, f.cuong.value(), BigDecimal.ONE, f.secretaryOf(f.committee));
        assertThat(rows("sick_leave")).isEqualTo(1);
        assertThat(entries.organizations(levels, secretaryA)).extracting(o -> o.id()).containsExactly(f.chapterA);
    }

    @Test
    void aMemberOutsideTheCyclesScopeIsUnknownToIt() {
        InputsFixture other = new InputsFixture(organizations, members, jdbc);
        assertThatThrownBy(() -> entries.setSickLeave(levels, other.an.value(), BigDecimal.ONE, EVALUATOR))
                .satisfies(e -> assertThat(reason(e)).isEqualTo(EvaluationRefusal.MEMBER_UNKNOWN));
        assertThatThrownBy(() -> entries.enterOrganizationCriteria(levels, other.chapterA.value(),
                List.of(new CriterionValue("DOAN_KET", "TOT", null)), EVALUATOR))
                .satisfies(e -> assertThat(reason(e)).isEqualTo(EvaluationRefusal.ORGANIZATION_UNKNOWN));
    }

    @Test
    void aClosedCycleRefusesEveryChangeAndAnUnknownCycleIsUnknown() {
        UUID closed = f.cycle(2023, "qd124-hd25", "CLOSED");
        assertThatThrownBy(() -> entries.setSickLeave(closed, f.an.value(), BigDecimal.ONE, EVALUATOR))
                .satisfies(e -> assertThat(reason(e)).isEqualTo(EvaluationRefusal.CYCLE_CLOSED));
        assertThatThrownBy(() -> entries.rateCivilService(closed, f.an.value(), "HTTNV", EVALUATOR))
                .satisfies(e -> assertThat(reason(e)).isEqualTo(EvaluationRefusal.CYCLE_CLOSED));
        assertThatThrownBy(() -> entries.enterMemberCriteria(closed, f.an.value(),
                List.of(new CriterionValue("CHINH_TRI", "TOT", null)), EVALUATOR))
                .satisfies(e -> assertThat(reason(e)).isEqualTo(EvaluationRefusal.CYCLE_CLOSED));
        assertThatThrownBy(() -> entries.setResidenceComment(closed, f.an.value(), "POSITIVE", null,
                LocalDate.of(2023, 5, 1), EVALUATOR))
                .satisfies(e -> assertThat(reason(e)).isEqualTo(EvaluationRefusal.CYCLE_CLOSED));
        assertThatThrownBy(() -> entries.setSickLeave(UUID.randomUUID(), f.an.value(), BigDecimal.ONE, EVALUATOR))
                .satisfies(e -> assertThat(reason(e)).isEqualTo(EvaluationRefusal.CYCLE_UNKNOWN));
        assertThat(jdbc.sql("SELECT count(*) FROM evaluation.sick_leave WHERE cycle_id = :c").param("c", closed)
                .query(Integer.class).single()).isZero();
    }

    @Test
    void applyToReadsABatchInTwoQueriesWhateverItsSize() {
        entries.setSickLeave(levels, f.an.value(), BigDecimal.ONE, EVALUATOR);
        List<MemberFacts> many = new java.util.ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            many.add(member(UUID.randomUUID()));
        }
        MemberFacts an = member(f.an.value());
        many.add(an);
        long start = System.nanoTime();
        inputs.applyTo(levels, many, List.of());
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(an.getSickLeaveMonths()).isEqualTo(1.0);
        assertThat(millis).as("2,001 members in %d ms", millis).isLessThan(2000);
    }

    static MemberFacts member(UUID id) {
        MemberFacts facts = new MemberFacts();
        facts.setSubjectId(id.toString());
        return facts;
    }

    static OrganizationFacts organization(UUID id) {
        OrganizationFacts facts = new OrganizationFacts();
        facts.setSubjectId(id.toString());
        return facts;
    }
}

package org.cadre.evaluation.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Locale;
import org.cadre.evaluation.EvaluationRefusal;
import org.cadre.evaluation.internal.reports.Distribution;
import org.cadre.evaluation.internal.reports.Report;
import org.cadre.evaluation.internal.reports.ReportService;
import org.cadre.organizations.Organizations;
import org.cadre.platform.Caller;
import org.cadre.platform.Refused;
import org.cadre.platform.Role;
import org.cadre.ratingrules.RulePackRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The figures of the reports, from a run written as the classification run writes it: the distribution of levels
 * for the bloc and each grassroots organization (percentages of the classified, excluded and pending apart), the
 * comparison with the previous year, the statutory table with its reasons for "not completed", and who may read.
 */
@ReportsModuleTest
class ReportTests {

    static final Caller EVALUATOR = Caller.of("u-evaluator", Role.EVALUATOR);

    @Autowired
    ReportService reports;
    @Autowired
    Organizations organizations;
    @Autowired
    RulePackRegistry packs;
    @Autowired
    JdbcClient jdbc;

    ReportFixture f;

    @BeforeEach
    void fixture() {
        f = new ReportFixture(organizations, packs, jdbc).withRuns();
    }

    @Test
    void theBlocsDistributionCountsEveryLevelWithExcludedAndPendingApart() {
        Report report = reports.cycle(f.cycle, EVALUATOR);

        assertThat(report.memberScale()).extracting(RulePackRegistry.Level::code)
                .containsExactly("HTXSNV", "HTTNV", "HTNV", "KHTNV");
        assertThat(report.label("MEMBER", "HTXSNV", "vi")).isEqualTo("Hoàn thành xuất sắc nhiệm vụ");
        Distribution members = report.members();
        assertThat(members.counts()).containsExactly(java.util.Map.entry("HTXSNV", 2L),
                java.util.Map.entry("HTTNV", 4L), java.util.Map.entry("HTNV", 1L), java.util.Map.entry("KHTNV", 3L));
        assertThat(members.excluded()).isEqualTo(1);
        assertThat(members.pending()).isEqualTo(1);
        assertThat(members.total()).isEqualTo(12);
        assertThat(members.percent("HTTNV")).isEqualByComparingTo("40.0");
        assertThat(members.percent("KHTNV")).isEqualByComparingTo("30.0");
        assertThat(report.organizations().counts().values()).containsExactly(1L, 1L, 1L, 1L);
        assertThat(report.organizations().percent("HTXSNV")).isEqualByComparingTo("25.0");

        assertThat(report.rows()).extracting(Report.Row::id).containsExactly(f.g1.value(), f.g2.value());
        Report.Row g1 = report.rows().get(0);
        assertThat(g1.own().level()).isEqualTo("HTNV");
        assertThat(g1.members().total()).isEqualTo(9);
        assertThat(g1.members().classified()).isEqualTo(7);
        assertThat(g1.members().count("HTTNV")).isEqualTo(3);
        assertThat(g1.members().percent("HTTNV")).isEqualByComparingTo(new BigDecimal("42.9"));
        assertThat(g1.organizations().counts()).containsEntry("HTTNV", 1L).containsEntry("KHTNV", 1L);
        Report.Row g2 = report.rows().get(1);
        assertThat(g2.own().level()).isEqualTo("HTXSNV");
        assertThat(g2.members().percent("KHTNV")).isEqualByComparingTo("33.3");
        assertThat(g2.organizations().total()).isZero();
    }

    @Test
    void aGrassrootsOrganizationsReportHasARowPerChapter() {
        Report report = reports.organization(f.cycle, f.g1.value(), EVALUATOR);

        assertThat(report.wholeCycle()).isFalse();
        assertThat(report.rootRating().level()).isEqualTo("HTNV");
        assertThat(report.members().total()).isEqualTo(9);
        assertThat(report.organizations().total()).isEqualTo(2);
        assertThat(report.rows()).extracting(Report.Row::id).containsExactly(f.chapterA.value(), f.chapterB.value());
        Report.Row a = report.rows().get(0);
        assertThat(a.members().counts()).containsEntry("HTXSNV", 1L).containsEntry("HTTNV", 2L)
                .containsEntry("HTNV", 1L).containsEntry("KHTNV", 1L);
        assertThat(a.members().excluded()).isEqualTo(1);
        assertThat(a.members().percent("HTTNV")).isEqualByComparingTo("40.0");
        Report.Row b = report.rows().get(1);
        assertThat(b.own().level()).isEqualTo("KHTNV");
        assertThat(b.members().pending()).isEqualTo(1);
        assertThat(b.members().percent("KHTNV")).isEqualByComparingTo("50.0");
        assertThat(report.statutory().reasons()).extracting(Report.ReasonCount::ruleId)
                .containsExactlyInAnyOrder("M19-KH-04", "M19-KH-02", "O19-KH-01");
    }

    @Test
    void thePreviousYearOfTheSameScopeIsComparedLevelByLevel() {
        Report report = reports.cycle(f.cycle, EVALUATOR);

        Report.Comparison c = report.comparison();
        assertThat(c).isNotNull();
        assertThat(c.previousYear()).isEqualTo(2019);
        assertThat(c.membersBefore().counts()).containsEntry("HTXSNV", 1L).containsEntry("HTTNV", 4L)
                .containsEntry("HTNV", 2L).containsEntry("KHTNV", 0L);
        assertThat(report.members().count("HTXSNV") - c.membersBefore().count("HTXSNV")).isEqualTo(1);
        assertThat(report.members().count("HTNV") - c.membersBefore().count("HTNV")).isEqualTo(-1);
        assertThat(report.members().count("KHTNV") - c.membersBefore().count("KHTNV")).isEqualTo(3);
        assertThat(c.organizationsBefore().counts()).containsEntry("HTTNV", 3L).containsEntry("HTNV", 1L);

        Report chapterA = reports.organization(f.cycle, f.chapterA.value(), EVALUATOR);
        assertThat(chapterA.comparison().membersBefore().total()).isEqualTo(4);
    }

    @Test
    void withoutAFinishedPreviousYearThereIsNoComparison() {
        jdbc.sql("UPDATE evaluation.cycle SET current_run_id = NULL WHERE cycle_id = :c").param("c", f.previousCycle)
                .update();
        assertThat(reports.cycle(f.cycle, EVALUATOR).comparison()).isNull();
    }

    @Test
    void theStatutoryTableCountsMembersAndOrganizationsAndTheReasonsForNotCompleted() {
        Report.Statutory s = reports.cycle(f.cycle, EVALUATOR).statutory();

        assertThat(s.members().total()).isEqualTo(12);
        assertThat(s.members().count("KHTNV")).isEqualTo(3);
        assertThat(s.grassroots().counts()).containsEntry("HTNV", 1L).containsEntry("HTXSNV", 1L);
        assertThat(s.grassroots().total()).isEqualTo(2);
        assertThat(s.subordinates().counts()).containsEntry("HTTNV", 1L).containsEntry("KHTNV", 1L);
        assertThat(s.reasons()).hasSize(3);
        Report.ReasonCount first = s.reasons().get(0);
        assertThat(first.ruleId()).isEqualTo("M19-KH-04");
        assertThat(first.text("vi")).isEqualTo(ReportFixture.DISCIPLINED);
        assertThat(first.article()).isEqualTo("HD 21-HD/BTCTW, mục II.B.2");
        assertThat(first.members()).isEqualTo(2);
        assertThat(first.organizations()).isZero();
        assertThat(s.reasons()).filteredOn(r -> "O19-KH-01".equals(r.ruleId())).singleElement()
                .satisfies(r -> {
                    assertThat(r.members()).isZero();
                    assertThat(r.organizations()).isEqualTo(1);
                });
        assertThat(reports.cycle(f.cycle, EVALUATOR).notCompleted()).extracting(Report.NotCompleted::name)
                .contains("Nguyễn Văn Cường", "=cmd", "Trần Thị Hoà");
    }

    @Test
    void aCycleWithoutAFinishedRunReportsNoFigures() {
        Report report = reports.cycle(f.cycle(2021), EVALUATOR);
        assertThat(report.hasResults()).isFalse();
        assertThat(report.members().total()).isZero();
    }

    @Test
    void aSecretaryReadsTheirSubtreeOnlyAndMembersAndReviewersNothing() {
        Caller g1Secretary = Caller.of("u-sec-g1", Role.SECRETARY).withOrganizationScope(f.g1.value());
        assertThat(reports.organization(f.cycle, f.g1.value(), g1Secretary).members().total()).isEqualTo(9);
        assertThat(reports.organization(f.cycle, f.chapterB.value(), g1Secretary).members().total()).isEqualTo(3);
        refused(() -> reports.cycle(f.cycle, g1Secretary));
        refused(() -> reports.organization(f.cycle, f.g2.value(), g1Secretary));

        Caller chapterSecretary = Caller.of("u-sec-a", Role.SECRETARY).withOrganizationScope(f.chapterA.value());
        assertThat(reports.organization(f.cycle, f.chapterA.value(), chapterSecretary).members().total())
                .isEqualTo(6);
        refused(() -> reports.organization(f.cycle, f.g1.value(), chapterSecretary));

        refused(() -> reports.organization(f.cycle, f.chapterA.value(),
                Caller.of("u-member", Role.MEMBER).withMember(f.members.get(0))));
        refused(() -> reports.cycle(f.cycle, Caller.of("u-reviewer", Role.REVIEWER)));
        assertThat(reports.cycle(f.cycle, Caller.of("u-admin", Role.ADMIN)).members().total()).isEqualTo(12);
    }

    @Test
    void anUnknownCycleOrAnOrganizationOutsideTheRunIsRefused() {
        assertThatThrownBy(() -> reports.cycle(java.util.UUID.randomUUID(), EVALUATOR))
                .isInstanceOfSatisfying(Refused.class,
                        r -> assertThat(r.reason()).isEqualTo(EvaluationRefusal.CYCLE_UNKNOWN));
        assertThatThrownBy(() -> reports.organization(f.cycle, java.util.UUID.randomUUID(), EVALUATOR))
                .isInstanceOfSatisfying(Refused.class,
                        r -> assertThat(r.reason()).isEqualTo(EvaluationRefusal.ORGANIZATION_UNKNOWN));
    }

    private static void refused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(Refused.class,
                r -> assertThat(r.reason()).isEqualTo(EvaluationRefusal.OUT_OF_SCOPE));
    }

    static Locale vi() {
        return Locale.forLanguageTag("vi");
    }
}

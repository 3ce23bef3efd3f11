package org.cadre.evaluation.decisions;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.cadre.evaluation.CycleView;
import org.cadre.evaluation.Cycles;
import org.cadre.evaluation.OpenCycle;
import org.cadre.evaluation.testing.EvaluationTesting;
import org.cadre.evaluation.testing.TestBloc;
import org.cadre.organizations.Members;
import org.cadre.organizations.OrganizationId;
import org.cadre.organizations.Organizations;
import org.cadre.platform.Caller;
import org.cadre.platform.Role;
import org.cadre.ratingrules.PackState;
import org.cadre.ratingrules.PackVersion;
import org.cadre.ratingrules.RulePackRegistry;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The test bloc with a pack of its own for 2012 (copied from runs/RunFixture, which stays theirs): nobody is
 * required to attend meetings, so everyone qualifies as excellent and the quota (half of the good ones, per
 * grassroots organization) opens a quota case for each grassroots organization instead of demoting anybody. A cycle
 * of the bloc is opened and run: the committee (An, Bình, Cường) and the grassroots chapter (Dung) each wait for the
 * committee's calibration, which {@link #calibrate} records the way the calibration step writes it.
 */
final class DecisionFixture extends TestBloc {

    static final int YEAR = 2012;
    static final String PACK = "test-decisions-2012";
    static final Caller EVALUATOR = Caller.of("eva", Role.EVALUATOR);
    static final Caller ADMIN = Caller.of("admin", Role.ADMIN);

    static final String MANIFEST = """
            id: test-decisions-2012
            version: 1
            factsContract: 1
            name: { vi: "Bộ thử quyết định", en: "Decisions test pack" }
            regulation: { number: "Quy định số 132-QĐ/TW" }
            years: { from: 2012, to: 2012 }
            subjects: [MEMBER, ORGANIZATION]
            scale:
              MEMBER:
                - { code: HTXSNV, rank: 4, label: { vi: "Hoàn thành xuất sắc nhiệm vụ", en: "Excellent" } }
                - { code: HTTNV, rank: 3, label: { vi: "Hoàn thành tốt nhiệm vụ", en: "Good" } }
                - { code: HTNV, rank: 2, label: { vi: "Hoàn thành nhiệm vụ", en: "Completed" } }
                - { code: KHTNV, rank: 1, label: { vi: "Không hoàn thành nhiệm vụ", en: "Not completed" } }
              ORGANIZATION:
                - { code: TSVM, rank: 3, label: { vi: "Trong sạch, vững mạnh", en: "Clean and strong" } }
                - { code: HTNV, rank: 2, label: { vi: "Hoàn thành nhiệm vụ", en: "Completed" } }
                - { code: YEU_KEM, rank: 1, label: { vi: "Yếu kém", en: "Weak" } }
            parameters:
              - { name: excellentQuota, type: share, default: "1/2",
                  label: { vi: "Tỷ lệ xuất sắc", en: "Excellent quota" }, article: "TEST-DEC, 3" }
            quotas:
              - { id: Q-XS, subject: MEMBER, level: HTXSNV, base: HTTNV, share: excellentQuota,
                  per: GRASSROOTS_ORGANIZATION, demoteTo: HTTNV, article: "TEST-DEC, 3" }
            """;

    static final String RULES = """
            package rules.test.decisions;
            import org.cadre.ratingrules.facts.*;
            global Parameters params;

            rule "Excellent"
                @id("D-XS") @criterion("Dự họp đầy đủ") @article("TEST-DEC, 1")
            when
                $m : MemberFacts( attendanceRatio >= 0.9 )
                $p : Proposal( subjectId == $m.subjectId )
            then
                $p.qualify("HTXSNV");
            end

            rule "Good"
                @id("D-TT") @criterion("Dự họp") @article("TEST-DEC, 1")
            when
                $m : MemberFacts( attendanceRatio >= 0.5 )
                $p : Proposal( subjectId == $m.subjectId )
            then
                $p.qualify("HTTNV");
            end

            rule "Strong organization"
                @id("D-TS") @criterion("Đảng viên hoàn thành nhiệm vụ") @article("TEST-DEC, 4")
            when
                $o : OrganizationFacts( ratedMembers + ratedSubOrganizations > 0,
                                        membersIn("KHTNV") == 0, subOrganizationsIn("YEU_KEM") == 0 )
                $p : Proposal( subjectId == $o.subjectId )
            then
                $p.qualify("TSVM");
            end
            """;

    static final String SCENARIO = """
            name: "Attendance qualifies"
            year: 2012
            members:
              - { id: b, facts: { organizationId: c1, grassrootsOrganizationId: g1, meetingsRequired: 10, meetingsAttended: 6 } }
            expect:
              - { subject: b, level: HTTNV, reasons: [D-TT] }
            """;

    UUID cycle;

    DecisionFixture(Organizations organizations, Members members) {
        super(organizations, members, "D");
    }

    static synchronized void activatePack(RulePackRegistry registry) {
        boolean active = registry.packs().stream().anyMatch(p -> p.packId().equals(PACK))
                && registry.versions(PACK).stream().anyMatch(v -> v.state() == PackState.ACTIVE);
        if (active) {
            return;
        }
        PackVersion stored = registry.upload(EvaluationTesting.zip(Map.of("pack.yaml", MANIFEST,
                "rules/decisions.drl", RULES, "scenarios/decisions.yaml", SCENARIO)), "test");
        registry.activate(PACK, stored.version(), "test");
    }

    /** Waits for evaluation's projection of the bloc, opens the bloc's cycle of the year and runs it. */
    CycleView openAndRun(Cycles cycles, JdbcClient jdbc) {
        EvaluationTesting.await(() -> jdbc.sql("""
                SELECT count(*) FROM evaluation.member_projection WHERE card_number LIKE :prefix
                """).param("prefix", prefix + "-%").query(Integer.class).single() == 4
                && jdbc.sql("SELECT count(*) FROM evaluation.organization_projection WHERE code LIKE :prefix")
                        .param("prefix", prefix + "%").query(Integer.class).single() == 5, Duration.ofSeconds(20));
        CycleView opened = cycles.open(new OpenCycle(YEAR, bloc.value()), EVALUATOR);
        cycle = opened.id();
        return EvaluationTesting.runAndWait(cycles, cycle, EVALUATOR);
    }

    UUID currentRun(JdbcClient jdbc) {
        return jdbc.sql("SELECT current_run_id FROM evaluation.cycle WHERE cycle_id = :id").param("id", cycle)
                .query(UUID.class).single();
    }

    /**
     * Records the committee's choice on the quota case of a grassroots organization as the calibration step does:
     * the keepers keep the level, the others move down to the case's level below.
     */
    void calibrate(JdbcClient jdbc, UUID grassroots, List<UUID> keepers) {
        UUID run = currentRun(jdbc);
        UUID caseId = jdbc.sql("""
                SELECT case_id FROM evaluation.calibration_case WHERE run_id = :run AND group_id = :group""")
                .param("run", run).param("group", grassroots.toString()).query(UUID.class).single();
        jdbc.sql("""
                INSERT INTO evaluation.calibration_decision (case_id, run_id, reason, decided_by, decided_at)
                VALUES (:case, :run, 'Theo tỷ lệ', 'committee', :at)""").param("case", caseId).param("run", run)
                .param("at", OffsetDateTime.now()).update();
        for (UUID keeper : keepers) {
            jdbc.sql("INSERT INTO evaluation.calibration_keeper (case_id, subject_id) VALUES (:case, :subject)")
                    .param("case", caseId).param("subject", keeper).update();
        }
        jdbc.sql("""
                INSERT INTO evaluation.calibration_move (run_id, subject_id, case_id, from_level, to_level)
                SELECT c.run_id, s.id, c.case_id, c.level, c.demote_to
                FROM evaluation.calibration_case c, unnest(c.subjects) AS s(id)
                WHERE c.case_id = :case AND s.id <> ALL (CAST(:keepers AS uuid[]))""").param("case", caseId)
                .param("keepers", keepers.toArray(UUID[]::new)).update();
    }

    /** The secretary of an organization, under a name of its own (two secretaries in one test differ). */
    Caller secretary(OrganizationId organization) {
        return new Caller("sec-" + organization.value(), Set.of(Role.SECRETARY), null,
                organization.value(), null);
    }
}

package org.cadre.evaluation.decisions;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.cadre.evaluation.CycleView;
import org.cadre.evaluation.Cycles;
import org.cadre.evaluation.testing.TestBloc;
import org.cadre.evaluation.testing.TestPacks;
import org.cadre.organizations.Members;
import org.cadre.organizations.OrganizationId;
import org.cadre.organizations.Organizations;
import org.cadre.platform.Caller;
import org.cadre.platform.Role;
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

    static final String MANIFEST = TestPacks.manifest(PACK, "Bộ thử quyết định", "Decisions test pack",
            "Quy định số 132-QĐ/TW", 2012, 2012, true, TestPacks.excellentQuota("TEST-DEC, 3"));

    static final String RULES = TestPacks.drl("rules.test.decisions", true,
            TestPacks.qualifies("Excellent", "D-XS", "Dự họp đầy đủ", "TEST-DEC, 1", "attendanceRatio >= 0.9",
                    "HTXSNV"),
            TestPacks.qualifies("Good", "D-TT", "Dự họp", "TEST-DEC, 1", "attendanceRatio >= 0.5", "HTTNV"),
            TestPacks.organizationQualifies("Strong organization", "D-TS", "Đảng viên hoàn thành nhiệm vụ",
                    "TEST-DEC, 4", "ratedMembers + ratedSubOrganizations > 0, membersIn(\"KHTNV\") == 0, "
                            + "subOrganizationsIn(\"YEU_KEM\") == 0", "TSVM"));

    static final String SCENARIO = TestPacks.attendanceScenario(YEAR, "D-TT");

    UUID cycle;

    DecisionFixture(Organizations organizations, Members members) {
        super(organizations, members, "D");
    }

    static void activatePack(RulePackRegistry registry) {
        TestPacks.activate(registry, PACK, TestPacks.files("decisions", MANIFEST, RULES, SCENARIO));
    }

    /** Waits for evaluation's projection of the bloc, opens the bloc's cycle of the year and runs it. */
    CycleView openAndRun(Cycles cycles, JdbcClient jdbc) {
        CycleView ran = openAndRun(cycles, jdbc, YEAR, EVALUATOR);
        cycle = ran.id();
        return ran;
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

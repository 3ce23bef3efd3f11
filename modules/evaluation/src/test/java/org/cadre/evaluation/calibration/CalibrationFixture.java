package org.cadre.evaluation.calibration;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.cadre.evaluation.CalibrationView;
import org.cadre.evaluation.Calibrations;
import org.cadre.evaluation.CycleView;
import org.cadre.evaluation.Cycles;
import org.cadre.evaluation.OpenCycle;
import org.cadre.evaluation.testing.EvaluationTesting;
import org.cadre.evaluation.testing.TestBloc;
import org.cadre.evaluation.testing.TestPacks;
import org.cadre.organizations.MemberId;
import org.cadre.organizations.Members;
import org.cadre.organizations.OrganizationId;
import org.cadre.organizations.Organizations;
import org.cadre.organizations.Sex;
import org.cadre.platform.Caller;
import org.cadre.platform.Role;
import org.cadre.ratingrules.RulePackRegistry;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A bloc of its own whose grassroots committee holds eight members (An, Bình in chapter A; Cường, Em, Phong, Giang,
 * Hà, Khánh in chapter B), and a pack written here for 2013 whose levels follow the civil-service rating a test
 * enters (HTXSNV, HTTNV, else HTNV), with two quotas per grassroots organization: HTXSNV at most half of HTTNV
 * (demoted to HTTNV) and HTTNV at most half of the others (demoted to HTNV). So each test makes the cases it needs:
 * one case, or a case of each level in the same group (the cascade).
 */
final class CalibrationFixture extends TestBloc {

    static final int YEAR = 2013;
    static final String PACK = "test-calib-2013";
    static final Caller EVALUATOR = Caller.of("eva", Role.EVALUATOR);
    static final Caller ADMIN = Caller.of("admin", Role.ADMIN);

    static final String MANIFEST = TestPacks.manifest(PACK, "Bộ thử cân đối tỷ lệ", "Calibration test pack",
            "TEST-CAL", 2013, 2013, false, """
            parameters:
              - { name: excellentQuota, type: share, default: "1/2",
                  label: { vi: "Tỷ lệ xuất sắc", en: "Excellent quota" }, article: "TEST-CAL, 3" }
              - { name: goodQuota, type: share, default: "1/2",
                  label: { vi: "Tỷ lệ tốt", en: "Good quota" }, article: "TEST-CAL, 4" }
            quotas:
              - { id: Q-XS, subject: MEMBER, level: HTXSNV, base: HTTNV, share: excellentQuota,
                  per: GRASSROOTS_ORGANIZATION, demoteTo: HTTNV, article: "TEST-CAL, 3" }
              - { id: Q-TT, subject: MEMBER, level: HTTNV, base: HTNV, share: goodQuota,
                  per: GRASSROOTS_ORGANIZATION, demoteTo: HTNV, article: "TEST-CAL, 4" }
            """);

    static final String RULES = TestPacks.drl("rules.test.calibration", false,
            TestPacks.qualifies("Excellent", "C-XS", "Xếp loại công chức xuất sắc", "TEST-CAL, 1",
                    "civilServiceRating == \"HTXSNV\"", "HTXSNV"),
            TestPacks.qualifies("Good", "C-TT", "Xếp loại công chức tốt", "TEST-CAL, 1",
                    "civilServiceRating == \"HTXSNV\" || civilServiceRating == \"HTTNV\"", "HTTNV"),
            TestPacks.qualifies("Completed", "C-HT", "Hoàn thành nhiệm vụ", "TEST-CAL, 2", "", "HTNV"),
            TestPacks.organizationQualifies("Strong organization", "C-TS", "Tổ chức", "TEST-CAL, 5", "", "TSVM"));

    static final String SCENARIO = """
            name: "The civil-service rating gives the level"
            year: 2013
            members:
              - { id: a, facts: { organizationId: c1, grassrootsOrganizationId: g1, civilServiceRating: HTTNV } }
              - { id: b, facts: { organizationId: c1, grassrootsOrganizationId: g1 } }
              - { id: c, facts: { organizationId: c1, grassrootsOrganizationId: g1 } }
            expect:
              - { subject: a, level: HTTNV, reasons: [C-TT] }
              - { subject: b, level: HTNV, reasons: [C-HT] }
            """;

    final MemberId em;
    final MemberId phong;
    final MemberId giang;
    final MemberId ha;
    final MemberId khanh;
    private int cards = 10;

    CalibrationFixture(Organizations organizations, Members members) {
        super(organizations, members, "K");
        em = admit(members, chapterB, "Vũ", "Văn", "Em");
        phong = admit(members, chapterB, "Đỗ", "Văn", "Phong");
        giang = admit(members, chapterB, "Hoàng", "Thị", "Giang");
        ha = admit(members, chapterB, "Bùi", "Thị", "Hà");
        khanh = admit(members, chapterB, "Ngô", "Văn", "Khánh");
    }

    private MemberId admit(Members members, OrganizationId organization, String family, String middle,
            String given) {
        return admit(members, prefix + "-" + (++cards), organization, family, middle, given,
                LocalDate.of(1975, 3, 8), Sex.MALE);
    }

    /** The test pack, uploaded and activated once per database. */
    static void activatePack(RulePackRegistry registry) {
        TestPacks.activate(registry, PACK, TestPacks.files("calibration", MANIFEST, RULES, SCENARIO));
    }

    /** Waits until evaluation's projection holds the bloc's nine members and five organizations. */
    @Override
    public void awaitProjection(JdbcClient jdbc) {
        awaitProjection(jdbc, 9);
    }

    /** Opens the bloc's cycle. */
    UUID open(Cycles cycles) {
        return cycles.open(new OpenCycle(YEAR, bloc.value()), EVALUATOR).id();
    }

    /** Enters the civil-service rating that gives the members their level in this pack. */
    void rate(JdbcClient jdbc, UUID cycle, String level, MemberId... rated) {
        for (MemberId member : rated) {
            jdbc.sql("""
                    INSERT INTO evaluation.civil_service_rating (cycle_id, member_id, level, source, entered_by,
                        entered_at) VALUES (:cycle, :member, :level, 'ENTRY', 'test', now())
                    """).param("cycle", cycle).param("member", member.value()).param("level", level).update();
        }
    }

    /** Runs the cycle and waits for the run to end. */
    static CycleView run(Cycles cycles, UUID cycle) {
        return EvaluationTesting.runAndWait(cycles, cycle, EVALUATOR);
    }

    /** The case of a level in the committee's group. */
    CalibrationView caseOf(Calibrations calibrations, UUID cycle, String level) {
        List<CalibrationView> cases = calibrations.list(cycle, EVALUATOR);
        return cases.stream().filter(k -> k.level().equals(level) && k.group().equals(committee.value().toString()))
                .findFirst().orElseThrow(() -> new AssertionError("no case of " + level + " in " + cases));
    }

    /** The level a member holds after calibration in the cycle's current run. */
    String calibrated(JdbcClient jdbc, UUID cycle, MemberId member) {
        return jdbc.sql("""
                SELECT cr.level FROM evaluation.calibrated_rating cr
                JOIN evaluation.cycle c ON c.current_run_id = cr.run_id
                WHERE c.cycle_id = :cycle AND cr.subject_id = :member
                """).param("cycle", cycle).param("member", member.value()).query(String.class).single();
    }

    /** The engine's level of a member in the cycle's current run. */
    String engine(JdbcClient jdbc, UUID cycle, MemberId member) {
        return jdbc.sql("""
                SELECT r.level FROM evaluation.rating r JOIN evaluation.cycle c ON c.current_run_id = r.run_id
                WHERE c.cycle_id = :cycle AND r.subject_id = :member
                """).param("cycle", cycle).param("member", member.value()).query(String.class).single();
    }

    /** How many rows the decisions of a case wrote (decision, keepers, moves). */
    int written(JdbcClient jdbc, UUID caseId) {
        return jdbc.sql("""
                SELECT (SELECT count(*) FROM evaluation.calibration_decision WHERE case_id = :case)
                     + (SELECT count(*) FROM evaluation.calibration_keeper WHERE case_id = :case)
                     + (SELECT count(*) FROM evaluation.calibration_move WHERE case_id = :case)
                """).param("case", caseId).query(Integer.class).single();
    }
}

package org.cadre.evaluation.runs;

import java.time.Duration;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.cadre.evaluation.CycleView;
import org.cadre.evaluation.Cycles;
import org.cadre.evaluation.testing.EvaluationTesting;
import org.cadre.evaluation.testing.TestBloc;
import org.cadre.evaluation.testing.TestPacks;
import org.cadre.organizations.Members;
import org.cadre.organizations.Organizations;
import org.cadre.platform.Caller;
import org.cadre.platform.Role;
import org.cadre.ratingrules.RulePackRegistry;

/**
 * A bloc of its own (a prefix keeps it apart from other tests' data) with two grassroots organizations: a committee
 * with two chapters and a grassroots chapter; members admitted long before the year; and a small pack written here
 * for the years 2003 and 2004 (no shipped pack covers them), so the outcomes follow from this file: attendance
 * qualifies, a discipline of the year limits to HTNV, a rule fails on purpose for a civil-service rating "BOOM",
 * and excellent members are capped at half the good ones per grassroots organization.
 */
final class RunFixture extends TestBloc {

    static final int YEAR = 2003;
    static final Caller EVALUATOR = Caller.of("eva", Role.EVALUATOR);
    static final Caller ADMIN = Caller.of("admin", Role.ADMIN);
    static final String PACK = "test-run-2003";

    static final String MANIFEST = TestPacks.manifest(PACK, "Bộ thử lần xếp loại", "Run test pack", "TEST-RUN", 2003,
            2004, true, TestPacks.excellentQuota("TEST-RUN, 3"));

    static final String RULES = TestPacks.drl("rules.test.run", true,
            TestPacks.qualifies("Excellent", "M-XS", "Dự họp đầy đủ", "TEST-RUN, 1", "attendanceRatio >= 0.9",
                    "HTXSNV"),
            TestPacks.qualifies("Good", "M-TT", "Dự họp", "TEST-RUN, 1", "attendanceRatio >= 0.5", "HTTNV"),
            TestPacks.memberRule("Disciplined in the year", "M-KL", "Bị kỷ luật trong năm", "TEST-RUN, 2",
                    "disciplinedViolations > 0", "$p.limit(\"HTNV\");"),
            TestPacks.memberRule("Fails on purpose", "M-BOOM", "Lỗi thử", "TEST-RUN, 9",
                    "civilServiceRating == \"BOOM\"",
                    "int none = $m.getReminders();\n    $p.qualify(1 / none > 0 ? \"HTTNV\" : \"HTNV\");"),
            TestPacks.organizationQualifies("Strong organization", "O-TS", "Đảng viên hoàn thành nhiệm vụ",
                    "TEST-RUN, 4", "ratedMembers + ratedSubOrganizations > 0, membersIn(\"KHTNV\") == 0, "
                            + "subOrganizationsIn(\"YEU_KEM\") == 0", "TSVM"));

    static final String SCENARIO = """
            name: "Attendance qualifies, a discipline limits"
            year: 2003
            members:
              - { id: a, facts: { organizationId: c1, grassrootsOrganizationId: g1 } }
              - { id: b, facts: { organizationId: c1, grassrootsOrganizationId: g1, meetingsRequired: 10, meetingsAttended: 6 } }
            expect:
              - { subject: b, level: HTTNV, reasons: [M-TT] }
            """;

    RunFixture(Organizations organizations, Members members) {
        super(organizations, members, "R");
    }

    /** The test pack, uploaded and activated once for every test class that needs it. */
    static void activatePack(RulePackRegistry registry) {
        TestPacks.activate(registry, PACK, TestPacks.files("run", MANIFEST, RULES, SCENARIO));
    }

    /** Runs the cycle and waits for the run to end; returns the cycle as it is then. */
    static CycleView runAndWait(Cycles cycles, UUID cycle) {
        return EvaluationTesting.runAndWait(cycles, cycle, EVALUATOR);
    }

    static CycleView awaitRun(Cycles cycles, UUID cycle) {
        return EvaluationTesting.awaitRun(cycles, cycle, EVALUATOR);
    }

    static void await(BooleanSupplier condition, Duration patience) {
        EvaluationTesting.await(condition, patience);
    }
}

package org.cadre.evaluation.selfassessment;

import java.util.UUID;
import org.cadre.evaluation.SelfReview;
import org.cadre.evaluation.testing.TestPacks;
import org.cadre.evaluation.testing.TestTree;
import org.cadre.organizations.Members;
import org.cadre.organizations.Organizations;
import org.cadre.organizations.Sex;
import org.cadre.platform.Caller;
import org.cadre.platform.Role;
import org.cadre.ratingrules.RulePackRegistry;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A tree of its own (a prefix keeps it apart from other tests' data): a grassroots committee with two chapters and
 * members admitted long before the year, another committee outside the cycle's scope with one member, a small pack
 * written here (its member scale is what a member may propose), and an open cycle of the committee pinned to it,
 * inserted as the cycles service would.
 */
final class SelfAssessmentFixture extends TestTree {

    static final int YEAR = 2005;
    static final String PACK = "test-self-2005";
    static final Caller EVALUATOR = Caller.of("eva", Role.EVALUATOR);

    static final String MANIFEST = TestPacks.manifest(PACK, "Bộ thử tự kiểm điểm", "Self-assessment test pack",
            "TEST-SELF", 2005, 2006, false, "");

    static final String RULES = TestPacks.drl("rules.test.self", false,
            TestPacks.qualifies("Good", "S-TT", "Dự họp", "TEST-SELF, 1", "attendanceRatio >= 0.5", "HTTNV"));

    static final String SCENARIO = TestPacks.attendanceScenario(YEAR, "S-TT");

    static final SelfReview FULL = new SelfReview("Hoàn thành tốt công việc chuyên môn; dự họp đầy đủ.",
            "Đôi khi chậm báo cáo; nguyên nhân: khối lượng việc lớn.", "Lập kế hoạch công việc hằng tuần.", "HTTNV");

    final int packVersion;
    final UUID cycle;

    SelfAssessmentFixture(Organizations organizations, Members members, RulePackRegistry registry, JdbcClient jdbc) {
        super(organizations, members, "S", "Thị", Sex.FEMALE);
        packVersion = storePack(registry);
        cycle = openCycle(jdbc, YEAR, PACK, packVersion);
    }

    /** The test pack, stored once per database (its scale is all a self-assessment reads of it). */
    static int storePack(RulePackRegistry registry) {
        return TestPacks.store(registry, PACK, TestPacks.files("self", MANIFEST, RULES, SCENARIO));
    }
}

package org.cadre.evaluation.runs;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.cadre.evaluation.CycleView;
import org.cadre.evaluation.testing.EvaluationTesting;
import org.cadre.evaluation.testing.TestBloc;
import org.cadre.evaluation.Cycles;
import org.cadre.organizations.Members;
import org.cadre.organizations.Organizations;
import org.cadre.platform.Caller;
import org.cadre.platform.Role;
import org.cadre.ratingrules.PackState;
import org.cadre.ratingrules.PackVersion;
import org.cadre.ratingrules.RulePackRegistry;
import org.springframework.jdbc.core.simple.JdbcClient;

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

    static final String MANIFEST = """
            id: test-run-2003
            version: 1
            factsContract: 1
            name: { vi: "Bộ thử lần xếp loại", en: "Run test pack" }
            regulation: { number: "TEST-RUN" }
            years: { from: 2003, to: 2004 }
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
                  label: { vi: "Tỷ lệ xuất sắc", en: "Excellent quota" }, article: "TEST-RUN, 3" }
            quotas:
              - { id: Q-XS, subject: MEMBER, level: HTXSNV, base: HTTNV, share: excellentQuota,
                  per: GRASSROOTS_ORGANIZATION, demoteTo: HTTNV, article: "TEST-RUN, 3" }
            """;

    static final String RULES = """
            package rules.test.run;
            import org.cadre.ratingrules.facts.*;
            global Parameters params;

            rule "Excellent"
                @id("M-XS") @criterion("Dự họp đầy đủ") @article("TEST-RUN, 1")
            when
                $m : MemberFacts( attendanceRatio >= 0.9 )
                $p : Proposal( subjectId == $m.subjectId )
            then
                $p.qualify("HTXSNV");
            end

            rule "Good"
                @id("M-TT") @criterion("Dự họp") @article("TEST-RUN, 1")
            when
                $m : MemberFacts( attendanceRatio >= 0.5 )
                $p : Proposal( subjectId == $m.subjectId )
            then
                $p.qualify("HTTNV");
            end

            rule "Disciplined in the year"
                @id("M-KL") @criterion("Bị kỷ luật trong năm") @article("TEST-RUN, 2")
            when
                $m : MemberFacts( disciplinedViolations > 0 )
                $p : Proposal( subjectId == $m.subjectId )
            then
                $p.limit("HTNV");
            end

            rule "Fails on purpose"
                @id("M-BOOM") @criterion("Lỗi thử") @article("TEST-RUN, 9")
            when
                $m : MemberFacts( civilServiceRating == "BOOM" )
                $p : Proposal( subjectId == $m.subjectId )
            then
                int none = $m.getReminders();
                $p.qualify(1 / none > 0 ? "HTTNV" : "HTNV");
            end

            rule "Strong organization"
                @id("O-TS") @criterion("Đảng viên hoàn thành nhiệm vụ") @article("TEST-RUN, 4")
            when
                $o : OrganizationFacts( ratedMembers + ratedSubOrganizations > 0,
                                        membersIn("KHTNV") == 0, subOrganizationsIn("YEU_KEM") == 0 )
                $p : Proposal( subjectId == $o.subjectId )
            then
                $p.qualify("TSVM");
            end
            """;

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
    static synchronized void activatePack(RulePackRegistry registry) {
        boolean active = registry.packs().stream().anyMatch(p -> p.packId().equals(PACK))
                && registry.versions(PACK).stream().anyMatch(v -> v.state() == PackState.ACTIVE);
        if (active) {
            return;
        }
        PackVersion stored = registry.upload(EvaluationTesting.zip(Map.of("pack.yaml", MANIFEST, "rules/run.drl", RULES,
                "scenarios/run.yaml", SCENARIO)), "test");
        registry.activate(PACK, stored.version(), "test");
    }

    /** Waits until evaluation's projection holds the members of the bloc (the events reach it asynchronously). */
    void awaitProjection(JdbcClient jdbc) {
        await(() -> jdbc.sql("""
                SELECT count(*) FROM evaluation.member_projection WHERE card_number LIKE :prefix
                """).param("prefix", prefix + "-%").query(Integer.class).single() == 4
                && jdbc.sql("SELECT count(*) FROM evaluation.organization_projection WHERE code LIKE :prefix")
                        .param("prefix", prefix + "%").query(Integer.class).single() == 5, Duration.ofSeconds(20));
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

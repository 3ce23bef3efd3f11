package org.cadre.evaluation.appeals;

import java.time.Duration;
import java.time.Instant;
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
 * A bloc of its own (see {@link TestBloc}), a small pack for 2011 written here, a real cycle of the bloc opened and
 * run through the cycles service, and signed decisions of the competent level. The decisions slice is being built on
 * another branch: until it is merged, {@link #sign} stands in for it by inserting rows into {@code evaluation.decision}
 * and {@code decision_item} as V11 defines them (a signed list, its competent level and its items' levels).
 */
final class AppealFixture extends TestBloc {

    static final int YEAR = 2011;
    static final String PACK = "test-appeal-2011";
    static final Caller EVALUATOR = Caller.of("eva", Role.EVALUATOR);
    static final Caller ADMIN = Caller.of("admin", Role.ADMIN);
    static final Caller REVIEWER = new Caller("reviewer", Set.of(Role.REVIEWER), null, null, UUID.randomUUID());

    static final String MANIFEST = """
            id: test-appeal-2011
            version: 1
            factsContract: 1
            name: { vi: "Bộ thử khiếu nại", en: "Appeal test pack" }
            regulation: { number: "TEST-APPEAL" }
            years: { from: 2011, to: 2011 }
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
            """;

    static final String RULES = """
            package rules.test.appeal;
            import org.cadre.ratingrules.facts.*;

            rule "Completed"
                @id("A-HT") @criterion("Dự họp") @article("TEST-APPEAL, 1")
            when
                $m : MemberFacts( )
                $p : Proposal( subjectId == $m.subjectId )
            then
                $p.qualify("HTNV");
            end

            rule "Organization completed"
                @id("A-O") @criterion("Tổ chức") @article("TEST-APPEAL, 2")
            when
                $o : OrganizationFacts( )
                $p : Proposal( subjectId == $o.subjectId )
            then
                $p.qualify("HTNV");
            end
            """;

    static final String SCENARIO = """
            name: "Everyone completes"
            year: 2011
            members:
              - { id: a, facts: { organizationId: c1, grassrootsOrganizationId: g1 } }
            expect:
              - { subject: a, level: HTNV, reasons: [A-HT] }
            """;

    final UUID cycle;
    final UUID run;
    private final JdbcClient jdbc;

    AppealFixture(Organizations organizations, Members members, RulePackRegistry registry, Cycles cycles,
            JdbcClient jdbc) {
        super(organizations, members, "P");
        this.jdbc = jdbc;
        activatePack(registry);
        EvaluationTesting.await(() -> jdbc.sql("SELECT count(*) FROM evaluation.member_projection "
                + "WHERE card_number LIKE :prefix").param("prefix", prefix + "-%").query(Integer.class).single() == 4
                && jdbc.sql("SELECT count(*) FROM evaluation.organization_projection WHERE code LIKE :prefix")
                        .param("prefix", prefix + "%").query(Integer.class).single() == 5, Duration.ofSeconds(20));
        cycle = cycles.open(new OpenCycle(YEAR, bloc.value()), EVALUATOR).id();
        CycleView ran = EvaluationTesting.runAndWait(cycles, cycle, EVALUATOR);
        run = ran.currentRun().orElseThrow().id();
    }

    static synchronized void activatePack(RulePackRegistry registry) {
        boolean active = registry.packs().stream().anyMatch(p -> p.packId().equals(PACK))
                && registry.versions(PACK).stream().anyMatch(v -> v.state() == PackState.ACTIVE);
        if (active) {
            return;
        }
        PackVersion stored = registry.upload(EvaluationTesting.zip(Map.of("pack.yaml", MANIFEST,
                "rules/appeal.drl", RULES, "scenarios/appeal.yaml", SCENARIO)), "test");
        registry.activate(PACK, stored.version(), "test");
    }

    /**
     * Stands in for the decisions slice: a signed list of a grassroots organization (its members, or its
     * organizations), decided by {@code competent}, signed at {@code signedAt}, with the level of each subject.
     */
    UUID sign(OrganizationId grassroots, String kind, OrganizationId competent, Instant signedAt,
            Map<UUID, String> levels) {
        return insert(grassroots, kind, competent, "SIGNED", signedAt, levels);
    }

    /** A draft list (not signed): it holds no subject for an appeal. */
    UUID draft(OrganizationId grassroots, String kind, OrganizationId competent, Map<UUID, String> levels) {
        return insert(grassroots, kind, competent, "DRAFT", null, levels);
    }

    private UUID insert(OrganizationId grassroots, String kind, OrganizationId competent, String status,
            Instant signedAt, Map<UUID, String> levels) {
        UUID decision = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO evaluation.decision (decision_id, cycle_id, run_id, organization_id, kind, competent_id,
                    status, number, signed_by, signed_at)
                VALUES (:id, :cycle, :run, :organization, :kind, :competent, :status, :number, :by, :at)
                """).param("id", decision).param("cycle", cycle).param("run", run)
                .param("organization", grassroots.value()).param("kind", kind).param("competent", competent.value())
                .param("status", status).param("number", signedAt == null ? null : "15-QĐ/ĐU")
                .param("by", signedAt == null ? null : "sec-" + prefix)
                .param("at", signedAt == null ? null : signedAt.atOffset(java.time.ZoneOffset.UTC)).update();
        levels.forEach((subject, level) -> jdbc.sql("""
                INSERT INTO evaluation.decision_item (decision_id, subject_id, subject, proposed_level, level)
                VALUES (:decision, :subject, :kind, :level, :level)
                """).param("decision", decision).param("subject", subject).param("kind", kind)
                .param("level", level).update());
        return decision;
    }

    /** What appeals wrote for this cycle: appeals, steps, the window row. */
    Written written() {
        return new Written(count("SELECT count(*) FROM evaluation.appeal WHERE cycle_id = :cycle"),
                count("SELECT count(*) FROM evaluation.appeal_step s JOIN evaluation.appeal a "
                        + "ON a.appeal_id = s.appeal_id WHERE a.cycle_id = :cycle"),
                count("SELECT count(*) FROM evaluation.appeal_window WHERE cycle_id = :cycle"));
    }

    record Written(int appeals, int steps, int windows) {
    }

    private int count(String sql) {
        return jdbc.sql(sql).param("cycle", cycle).query(Integer.class).single();
    }

    /** The level that holds now for a subject, and where it comes from. */
    String decided(UUID subject) {
        return jdbc.sql("SELECT level || '/' || source FROM evaluation.decided_rating WHERE cycle_id = :cycle "
                + "AND subject_id = :subject").param("cycle", cycle).param("subject", subject).query(String.class)
                .single();
    }
}

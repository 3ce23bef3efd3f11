package org.cadre.evaluation.appeals;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.cadre.evaluation.CycleView;
import org.cadre.evaluation.Cycles;
import org.cadre.evaluation.DecisionSummary;
import org.cadre.evaluation.DecisionView;
import org.cadre.evaluation.Decisions;
import org.cadre.evaluation.testing.TestBloc;
import org.cadre.evaluation.testing.TestPacks;
import org.cadre.organizations.Members;
import org.cadre.organizations.OrganizationId;
import org.cadre.organizations.Organizations;
import org.cadre.platform.Caller;
import org.cadre.platform.Role;
import org.cadre.platform.testing.MutableClock;
import org.cadre.ratingrules.RulePackRegistry;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A bloc of its own (see {@link TestBloc}), a small pack for 2011 written here (everyone is proposed HTNV, no quota),
 * a real cycle of the bloc opened and run through the cycles service, and the lists of the competent level decided and
 * signed through {@link Decisions}.
 */
final class AppealFixture extends TestBloc {

    static final int YEAR = 2011;
    static final String PACK = "test-appeal-2011";
    static final Caller EVALUATOR = Caller.of("eva", Role.EVALUATOR);
    static final Caller ADMIN = Caller.of("admin", Role.ADMIN);
    static final Caller REVIEWER = new Caller("reviewer", Set.of(Role.REVIEWER), null, null, UUID.randomUUID());

    static final String MANIFEST = TestPacks.manifest(PACK, "Bộ thử khiếu nại", "Appeal test pack", "TEST-APPEAL",
            2011, 2011, true, "");

    static final String RULES = TestPacks.drl("rules.test.appeal", false,
            TestPacks.qualifies("Completed", "A-HT", "Dự họp", "TEST-APPEAL, 1", "", "HTNV"),
            TestPacks.organizationQualifies("Organization completed", "A-O", "Tổ chức", "TEST-APPEAL, 2", "",
                    "HTNV"));

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
    private final Decisions decisions;
    private final JdbcClient jdbc;

    AppealFixture(Organizations organizations, Members members, RulePackRegistry registry, Cycles cycles,
            Decisions decisions, JdbcClient jdbc) {
        super(organizations, members, "P");
        this.decisions = decisions;
        this.jdbc = jdbc;
        activatePack(registry);
        CycleView ran = openAndRun(cycles, jdbc, YEAR, EVALUATOR);
        cycle = ran.id();
        run = ran.currentRun().orElseThrow().id();
    }

    static void activatePack(RulePackRegistry registry) {
        TestPacks.activate(registry, PACK, TestPacks.files("appeal", MANIFEST, RULES, SCENARIO));
    }

    /**
     * Signs a grassroots organization's list (its members, or its organizations) through the decisions, as an
     * administrator, now: each subject named with a level other than the run's proposal (everyone is proposed HTNV) is
     * decided so, with a reason; the others keep the proposal. {@code competent} is who the test expects to decide the
     * list (the regulation's default), checked here.
     */
    UUID sign(OrganizationId grassroots, String kind, OrganizationId competent, Map<UUID, String> levels) {
        DecisionSummary list = list(grassroots, kind);
        assertThat(list.competent()).isEqualTo(competent.value());
        levels.forEach((subject, level) -> decisions.decide(cycle, list.id(), subject, level,
                "HTNV".equals(level) ? null : "Theo kết luận của cấp ủy.", ADMIN));
        DecisionView signed = decisions.sign(cycle, list.id(), "15-QĐ/ĐU", ADMIN);
        assertThat(signed.items()).extracting(DecisionView.Item::subject).containsAll(levels.keySet());
        return list.id();
    }

    /** {@link #sign} on a day in the past: the test's clock is moved back for the signature, then forward again. */
    UUID signedDaysAgo(MutableClock clock, int days, OrganizationId grassroots, String kind,
            OrganizationId competent, Map<UUID, String> levels) {
        clock.advance(Duration.ofDays(-days));
        try {
            return sign(grassroots, kind, competent, levels);
        } finally {
            clock.advance(Duration.ofDays(days));
        }
    }

    /** A grassroots organization's list as the decisions open it: a draft, holding no subject for an appeal yet. */
    DecisionSummary list(OrganizationId grassroots, String kind) {
        return decisions.lists(cycle, ADMIN).stream()
                .filter(s -> s.organization().equals(grassroots.value()) && s.kind().equals(kind)).findFirst()
                .orElseThrow();
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

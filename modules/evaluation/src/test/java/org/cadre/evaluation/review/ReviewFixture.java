package org.cadre.evaluation.review;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.cadre.evaluation.SelfReview;
import org.cadre.evaluation.internal.results.RatingJson;
import org.cadre.evaluation.testing.TestPacks;
import org.cadre.evaluation.testing.TestTree;
import org.cadre.organizations.MemberId;
import org.cadre.organizations.Members;
import org.cadre.organizations.OrganizationId;
import org.cadre.organizations.Organizations;
import org.cadre.organizations.Sex;
import org.cadre.platform.Caller;
import org.cadre.platform.Role;
import org.cadre.ratingrules.RulePackRegistry;
import org.cadre.ratingrules.SubjectRating;
import org.cadre.ratingrules.facts.Proposal;
import org.cadre.ratingrules.facts.Reason;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A tree of its own (a prefix keeps it apart from other tests' data): a grassroots committee with chapters A and B
 * and members, another chapter outside the cycle's scope, a small pack written here (its member scale is what the
 * chapter proposes from), an open cycle of the committee and a finished run of it whose ratings are inserted as a run
 * writes them: the engine proposes HTTNV for An and Bình and HTNV for Cường; Bình's facts say he was transferred in
 * from the chapter outside the scope.
 */
final class ReviewFixture extends TestTree {

    static final int YEAR = 2005;
    static final String PACK = "test-review-2005";
    static final Caller EVALUATOR = Caller.of("eva", Role.EVALUATOR);
    static final Caller REVIEWER = Caller.of("rev", Role.REVIEWER);

    static final String MANIFEST = TestPacks.manifest(PACK, "Bộ thử nhận xét chi bộ", "Chapter review test pack",
            "TEST-REVIEW", 2005, 2006, false, "");

    static final String RULES = TestPacks.drl("rules.test.review", false,
            TestPacks.qualifies("Good", "R-TT", "Dự họp", "TEST-REVIEW, 1", "attendanceRatio >= 0.5", "HTTNV"));

    static final String SCENARIO = TestPacks.attendanceScenario(YEAR, "R-TT");

    static final SelfReview FULL = new SelfReview("Hoàn thành tốt công việc chuyên môn.", "Đôi khi chậm báo cáo.",
            "Lập kế hoạch công việc hằng tuần.", "HTTNV");

    final UUID cycle;
    private final JdbcClient jdbc;

    ReviewFixture(Organizations organizations, Members members, RulePackRegistry registry, JdbcClient jdbc) {
        super(organizations, members, "R", "Văn", Sex.MALE);
        this.jdbc = jdbc;
        int version = storePack(registry);
        cycle = openCycle(jdbc, YEAR, PACK, version);
        UUID run = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO evaluation.run (run_id, cycle_id, state, pack_id, pack_version, requested_by, started_at,
                    finished_at) VALUES (:run, :cycle, 'SUCCEEDED', :pack, :version, 'test', :on, :on)
                """).param("run", run).param("cycle", cycle).param("pack", PACK).param("version", version)
                .param("on", OffsetDateTime.now()).update();
        rate(run, an, chapterA, "HTTNV", "{}");
        rate(run, binh, chapterA, "HTTNV",
                "{\"extra\": {\"previousOrganizationId\": \"" + elsewhere.value() + "\"}}");
        rate(run, cuong, chapterB, "HTNV", "{}");
        jdbc.sql("UPDATE evaluation.cycle SET current_run_id = :run WHERE cycle_id = :cycle").param("run", run)
                .param("cycle", cycle).update();
    }

    private void rate(UUID run, MemberId member, OrganizationId chapter, String level, String facts) {
        SubjectRating rating = new SubjectRating(member.value().toString(), Proposal.Subject.MEMBER, level,
                Map.of("vi", level, "en", level), null, false, false, List.of(new Reason(
                        Reason.Effect.QUALIFIES, level, "R-TT", "Dự họp", "TEST-REVIEW, 1", null)), 0, List.of());
        jdbc.sql("""
                INSERT INTO evaluation.rating (run_id, subject, subject_id, organization_id, grassroots_id, level,
                    excluded, pending, decisive_rule, facts, explanation)
                VALUES (:run, 'MEMBER', :member, :chapter, :committee, :level, FALSE, FALSE, 'R-TT',
                    CAST(:facts AS json), CAST(:explanation AS json))
                """).param("run", run).param("member", member.value()).param("chapter", chapter.value())
                .param("committee", committee.value()).param("level", level).param("facts", facts)
                .param("explanation", RatingJson.write(rating)).update();
    }

    /** The secretary of an organization, under a name of its own (two secretaries in one test differ). */
    @Override
    public Caller secretaryOf(OrganizationId organization) {
        return new Caller("sec-" + organization.value(), Set.of(Role.SECRETARY), null, organization.value(), null);
    }

    /** The cycle's review rows, comment requests and self-assessments as text, to show a refusal wrote nothing. */
    String snapshot() {
        return jdbc.sql("""
                SELECT coalesce((SELECT string_agg(row_to_json(v)::text, '|' ORDER BY v.member_id)
                                 FROM evaluation.chapter_review v WHERE v.cycle_id = :cycle), '')
                    || '#' || coalesce((SELECT string_agg(row_to_json(q)::text, '|' ORDER BY q.request_id)
                                 FROM evaluation.other_chapter_comment q WHERE q.cycle_id = :cycle), '')
                    || '#' || coalesce((SELECT string_agg(row_to_json(a)::text, '|' ORDER BY a.member_id)
                                 FROM evaluation.self_assessment a WHERE a.cycle_id = :cycle), '')
                """).param("cycle", cycle).query(String.class).single();
    }

    void close() {
        jdbc.sql("UPDATE evaluation.cycle SET status = 'CLOSED' WHERE cycle_id = :cycle").param("cycle", cycle)
                .update();
    }

    static int storePack(RulePackRegistry registry) {
        return TestPacks.store(registry, PACK, TestPacks.files("review", MANIFEST, RULES, SCENARIO));
    }
}

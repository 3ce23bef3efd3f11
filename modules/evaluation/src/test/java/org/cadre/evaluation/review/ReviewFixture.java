package org.cadre.evaluation.review;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.cadre.evaluation.SelfReview;
import org.cadre.evaluation.internal.results.RatingJson;
import org.cadre.evaluation.testing.EvaluationTesting;
import org.cadre.organizations.AdmitMember;
import org.cadre.organizations.MemberId;
import org.cadre.organizations.Members;
import org.cadre.organizations.OrganizationId;
import org.cadre.organizations.OrganizationKind;
import org.cadre.organizations.Organizations;
import org.cadre.organizations.RegisterOrganization;
import org.cadre.organizations.Sex;
import org.cadre.platform.Caller;
import org.cadre.platform.Refused;
import org.cadre.platform.Role;
import org.cadre.ratingrules.PackVersion;
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
final class ReviewFixture {

    static final int YEAR = 2005;
    static final String PACK = "test-review-2005";
    static final Caller EVALUATOR = Caller.of("eva", Role.EVALUATOR);
    static final Caller REVIEWER = Caller.of("rev", Role.REVIEWER);

    static final String MANIFEST = """
            id: test-review-2005
            version: 1
            factsContract: 1
            name: { vi: "Bộ thử nhận xét chi bộ", en: "Chapter review test pack" }
            regulation: { number: "TEST-REVIEW" }
            years: { from: 2005, to: 2006 }
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
            """;

    static final String RULES = """
            package rules.test.review;
            import org.cadre.ratingrules.facts.*;

            rule "Good"
                @id("R-TT") @criterion("Dự họp") @article("TEST-REVIEW, 1")
            when
                $m : MemberFacts( attendanceRatio >= 0.5 )
                $p : Proposal( subjectId == $m.subjectId )
            then
                $p.qualify("HTTNV");
            end
            """;

    static final String SCENARIO = """
            name: "Attendance qualifies"
            year: 2005
            members:
              - { id: b, facts: { organizationId: c1, grassrootsOrganizationId: g1, meetingsRequired: 10, meetingsAttended: 6 } }
            expect:
              - { subject: b, level: HTTNV, reasons: [R-TT] }
            """;

    static final SelfReview FULL = new SelfReview("Hoàn thành tốt công việc chuyên môn.", "Đôi khi chậm báo cáo.",
            "Lập kế hoạch công việc hằng tuần.", "HTTNV");

    final String prefix = "R" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    final OrganizationId committee;
    final OrganizationId chapterA;
    final OrganizationId chapterB;
    final OrganizationId elsewhere;
    final MemberId an;
    final MemberId binh;
    final MemberId cuong;
    final MemberId outsider;
    final UUID cycle;
    private final JdbcClient jdbc;
    private int cards;

    ReviewFixture(Organizations organizations, Members members, RulePackRegistry registry, JdbcClient jdbc) {
        this.jdbc = jdbc;
        LocalDate established = LocalDate.of(1995, 1, 10);
        committee = organizations.register(new RegisterOrganization(prefix + "-1", "Đảng bộ Sở " + prefix,
                OrganizationKind.GRASSROOTS_COMMITTEE, null, established));
        chapterA = organizations.register(new RegisterOrganization(prefix + "-1A", "Chi bộ A " + prefix,
                OrganizationKind.CHAPTER, committee.value(), established));
        chapterB = organizations.register(new RegisterOrganization(prefix + "-1B", "Chi bộ B " + prefix,
                OrganizationKind.CHAPTER, committee.value(), established));
        elsewhere = organizations.register(new RegisterOrganization(prefix + "-2", "Chi bộ Ban " + prefix,
                OrganizationKind.GRASSROOTS_CHAPTER, null, established));
        an = admit(members, chapterA, "Nguyễn", "Văn", "An");
        binh = admit(members, chapterA, "Trần", "Văn", "Bình");
        cuong = admit(members, chapterB, "Lê", "Đức", "Cường");
        outsider = admit(members, elsewhere, "Phạm", "Thị", "Dung");
        int version = storePack(registry);
        cycle = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO evaluation.cycle (cycle_id, year, scope_id, pack_id, pack_version, status, opened_on,
                    opened_by) VALUES (:id, :year, :scope, :pack, :version, 'OPEN', :on, 'test')
                """).param("id", cycle).param("year", YEAR).param("scope", committee.value()).param("pack", PACK)
                .param("version", version).param("on", OffsetDateTime.now()).update();
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

    private MemberId admit(Members members, OrganizationId organization, String family, String middle,
            String given) {
        return members.admit(new AdmitMember(prefix + "-" + (++cards), family, middle, given,
                LocalDate.of(1970, 4, 12), Sex.MALE, null, organization.value(), LocalDate.of(1998, 5, 19),
                LocalDate.of(1999, 5, 19), true, "Chuyên viên"));
    }

    String card(MemberId member) {
        return member.equals(an) ? prefix + "-1" : member.equals(binh) ? prefix + "-2"
                : member.equals(cuong) ? prefix + "-3" : prefix + "-4";
    }

    Caller member(MemberId member) {
        return new Caller("m-" + member.value(), Set.of(Role.MEMBER), member.value(), null, null);
    }

    Caller secretaryOf(OrganizationId organization) {
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

    static synchronized int storePack(RulePackRegistry registry) {
        if (registry.packs().stream().anyMatch(p -> p.packId().equals(PACK))) {
            return registry.versions(PACK).get(0).version();
        }
        try {
            PackVersion stored = registry.upload(EvaluationTesting.zip(Map.of("pack.yaml", MANIFEST,
                    "rules/review.drl", RULES, "scenarios/review.yaml", SCENARIO)), "test");
            return stored.version();
        } catch (Refused e) {
            return registry.versions(PACK).get(0).version();
        }
    }
}

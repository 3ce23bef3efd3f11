package org.cadre.evaluation.reports;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cadre.evaluation.internal.results.RatingJson;
import org.cadre.evaluation.testing.TestPacks;
import org.cadre.organizations.OrganizationId;
import org.cadre.organizations.OrganizationKind;
import org.cadre.organizations.Organizations;
import org.cadre.organizations.RegisterOrganization;
import org.cadre.ratingrules.FiredRule;
import org.cadre.ratingrules.RulePackRegistry;
import org.cadre.ratingrules.SubjectRating;
import org.cadre.ratingrules.facts.MemberFacts;
import org.cadre.ratingrules.facts.OrganizationFacts;
import org.cadre.ratingrules.facts.Proposal;
import org.cadre.ratingrules.facts.Reason;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A bloc of two grassroots organizations with a finished run of 2020 and one of 2019, written the way a
 * classification run writes them: cycle, run and rating rows, the explanation as {@link RatingJson} of a real
 * {@link SubjectRating}, and evaluation's own projections of the tree and the members. The pack is the shipped
 * {@code qd132-hd21} under an id of its own, stored in the registry so the reports read its scale.
 *
 * <pre>
 * bloc (evaluation's projection only)
 *  ├─ G1 grassroots committee (HTNV)   ├─ chapter A (HTTNV): XS, TT, TT, HT, KH Nguyễn Văn Cường, excluded
 *  │                                    └─ chapter B (KHTNV): TT, KH "=cmd", pending
 *  └─ G2 grassroots chapter (HTXSNV): XS, TT, KH Trần Thị Hoà
 * </pre>
 */
final class ReportFixture {

    static final String DISCIPLINED = "Bị thi hành kỷ luật trong năm";
    static final String UNDER_HALF = "Chỉ hoàn thành dưới 50% chỉ tiêu, nhiệm vụ được giao trong năm";
    static final String MEMBERS_FAILED = "Trên 20% đảng viên không hoàn thành nhiệm vụ";
    private static final Map<String, Map<String, String>> LABELS = Map.of(
            "HTXSNV", Map.of("vi", "Hoàn thành xuất sắc nhiệm vụ", "en", "Completed tasks excellently"),
            "HTTNV", Map.of("vi", "Hoàn thành tốt nhiệm vụ", "en", "Completed tasks well"),
            "HTNV", Map.of("vi", "Hoàn thành nhiệm vụ", "en", "Completed tasks"),
            "KHTNV", Map.of("vi", "Không hoàn thành nhiệm vụ", "en", "Did not complete tasks"));

    private static String packId;

    final JdbcClient jdbc;
    final String prefix = "R" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    final UUID bloc = UUID.randomUUID();
    final OrganizationId g1;
    final OrganizationId chapterA;
    final OrganizationId chapterB;
    final OrganizationId g2;
    final String pack;
    final List<UUID> members = new ArrayList<>();
    UUID cycle;
    UUID previousCycle;

    ReportFixture(Organizations organizations, RulePackRegistry packs, JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.pack = pack(packs);
        LocalDate established = LocalDate.of(2005, 1, 10);
        g1 = organizations.register(new RegisterOrganization(prefix + "-1", "Đảng bộ Sở Tài chính " + prefix,
                OrganizationKind.GRASSROOTS_COMMITTEE, null, established));
        chapterA = organizations.register(new RegisterOrganization(prefix + "-1A", "Chi bộ Văn phòng " + prefix,
                OrganizationKind.CHAPTER, g1.value(), established));
        chapterB = organizations.register(new RegisterOrganization(prefix + "-1B", "=cmd chi bộ " + prefix,
                OrganizationKind.CHAPTER, g1.value(), established));
        g2 = organizations.register(new RegisterOrganization(prefix + "-2", "Chi bộ Sở Xây dựng " + prefix,
                OrganizationKind.GRASSROOTS_CHAPTER, null, established));
        project(bloc, prefix, "Đảng bộ Khối thử nghiệm " + prefix, "BLOC_COMMITTEE", null);
        project(g1.value(), prefix + "-1", "Đảng bộ Sở Tài chính " + prefix, "GRASSROOTS_COMMITTEE", bloc);
        project(chapterA.value(), prefix + "-1A", "Chi bộ Văn phòng " + prefix, "CHAPTER", g1.value());
        project(chapterB.value(), prefix + "-1B", "=cmd chi bộ " + prefix, "CHAPTER", g1.value());
        project(g2.value(), prefix + "-2", "Chi bộ Sở Xây dựng " + prefix, "GRASSROOTS_CHAPTER", bloc);
        String[] names = {"Lê Văn An", "Phạm Thị Bình", "Hoàng Văn Châu", "Vũ Thị Dung", "Nguyễn Văn Cường",
            "Đỗ Văn Em", "Bùi Thị Giang", "=cmd", "Đặng Văn Hải", "Ngô Thị Khánh", "Trần Thị Hoà", "Lý Văn Long"};
        for (int i = 0; i < names.length; i++) {
            UUID id = UUID.randomUUID();
            members.add(id);
            UUID chapter = i < 6 ? chapterA.value() : i < 9 ? chapterB.value() : g2.value();
            // the facts ledger, as the organizations events write it (the member_projection view reads it)
            jdbc.sql("INSERT INTO evaluation.fact_member (member_id, card_number, full_name, admitted_on, "
                            + "confirmed_on, civil_servant) VALUES (:id, :card, :name, DATE '2005-01-01', "
                            + "DATE '2006-01-01', true)")
                    .param("id", id).param("card", prefix + i).param("name", names[i]).update();
            jdbc.sql("INSERT INTO evaluation.fact_membership (member_id, valid_from, organization_id, admission) "
                    + "VALUES (:id, DATE '2005-01-01', :org, true)").param("id", id).param("org", chapter).update();
            jdbc.sql("INSERT INTO evaluation.fact_status (member_id, valid_from, status, admission) "
                    + "VALUES (:id, DATE '2005-01-01', 'ACTIVE', true)").param("id", id).update();
        }
    }

    /** The two cycles: 2020 (current) and 2019 (previous), each pointing at its finished run. */
    ReportFixture withRuns() {
        previousCycle = cycle(2019);
        UUID previous = run(previousCycle);
        String[] before = {"HTTNV", "HTTNV", "HTNV", null, "HTNV", null, "HTTNV", null, null, "HTXSNV", "HTTNV",
            null};
        for (int i = 0; i < before.length; i++) {
            if (before[i] != null) {
                member(previous, i, before[i], false, false, null);
            }
        }
        organization(previous, g1.value(), bloc, g1.value(), "HTTNV", null);
        organization(previous, g2.value(), bloc, g2.value(), "HTTNV", null);
        organization(previous, chapterA.value(), g1.value(), g1.value(), "HTTNV", null);
        organization(previous, chapterB.value(), g1.value(), g1.value(), "HTNV", null);
        current(previousCycle, previous);

        cycle = cycle(2020);
        UUID run = run(cycle);
        member(run, 0, "HTXSNV", false, false, null);
        member(run, 1, "HTTNV", false, false, null);
        member(run, 2, "HTTNV", false, false, null);
        member(run, 3, "HTNV", false, false, null);
        member(run, 4, "KHTNV", false, false, new String[] {"M19-KH-04", DISCIPLINED, "HD 21-HD/BTCTW, mục II.B.2"});
        member(run, 5, null, true, false, null);
        member(run, 6, "HTTNV", false, false, null);
        member(run, 7, "KHTNV", false, false, new String[] {"M19-KH-02", UNDER_HALF, "HD 21-HD/BTCTW [S17]"});
        member(run, 8, null, false, true, null);
        member(run, 9, "HTXSNV", false, false, null);
        member(run, 10, "KHTNV", false, false, new String[] {"M19-KH-04", DISCIPLINED, "HD 21-HD/BTCTW, mục II.B.2"});
        member(run, 11, "HTTNV", false, false, null);
        organization(run, chapterA.value(), g1.value(), g1.value(), "HTTNV", null);
        organization(run, chapterB.value(), g1.value(), g1.value(), "KHTNV",
                new String[] {"O19-KH-01", MEMBERS_FAILED, "HD 21-HD/BTCTW, phần II.B [I]"});
        organization(run, g1.value(), bloc, g1.value(), "HTNV", null);
        organization(run, g2.value(), bloc, g2.value(), "HTXSNV", null);
        current(cycle, run);
        return this;
    }

    UUID cycle(int year) {
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO evaluation.cycle (cycle_id, year, scope_id, pack_id, pack_version, status, opened_on, "
                        + "opened_by) VALUES (:id, :year, :scope, :pack, 2, 'OPEN', now(), 'test')")
                .param("id", id).param("year", year).param("scope", bloc).param("pack", pack).update();
        return id;
    }

    private UUID run(UUID cycle) {
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO evaluation.run (run_id, cycle_id, state, pack_id, pack_version, requested_by, "
                        + "started_at, finished_at) VALUES (:id, :cycle, 'SUCCEEDED', :pack, 2, 'test', now(), now())")
                .param("id", id).param("cycle", cycle).param("pack", pack).update();
        return id;
    }

    private void current(UUID cycle, UUID run) {
        jdbc.sql("UPDATE evaluation.cycle SET current_run_id = :run WHERE cycle_id = :cycle")
                .param("run", run).param("cycle", cycle).update();
    }

    private void member(UUID run, int index, String level, boolean excluded, boolean pending, String[] decisive) {
        UUID id = members.get(index);
        UUID chapter = index < 6 ? chapterA.value() : index < 9 ? chapterB.value() : g2.value();
        UUID grassroots = index < 9 ? g1.value() : g2.value();
        MemberFacts facts = new MemberFacts();
        facts.setSubjectId(id.toString());
        rating(run, "MEMBER", id, chapter, grassroots, level, excluded, pending, decisive, RatingJson.write(facts),
                Proposal.Subject.MEMBER);
    }

    private void organization(UUID run, UUID id, UUID parent, UUID grassroots, String level, String[] decisive) {
        OrganizationFacts facts = new OrganizationFacts();
        facts.setSubjectId(id.toString());
        rating(run, "ORGANIZATION", id, parent, grassroots, level, false, false, decisive, RatingJson.write(facts),
                Proposal.Subject.ORGANIZATION);
    }

    private void rating(UUID run, String subject, UUID id, UUID organization, UUID grassroots, String level,
            boolean excluded, boolean pending, String[] decisive, String facts, Proposal.Subject kind) {
        List<Reason> reasons = new ArrayList<>();
        List<FiredRule> fired = new ArrayList<>();
        if (excluded) {
            reasons.add(new Reason(Reason.Effect.EXCLUDES, null, "G-ELIG-01", "Miễn sinh hoạt", "HD 21", null));
        } else if (pending) {
            reasons.add(new Reason(Reason.Effect.PENDING, null, "G-ELIG-06", "Chưa kiểm điểm", "HD 21", null));
        } else if (decisive != null) {
            reasons.add(new Reason(Reason.Effect.QUALIFIES, "HTNV", "M19-HT-01", "Mọi tiêu chí đạt Trung bình",
                    "HD 21", null));
            reasons.add(new Reason(Reason.Effect.LIMITS, level, decisive[0], decisive[1], decisive[2], null));
            fired.add(new FiredRule(decisive[0], decisive[0] + " rule", decisive[1], decisive[2],
                    List.of(id.toString()), Map.of("disciplinedViolations", "1")));
        } else {
            reasons.add(new Reason(Reason.Effect.QUALIFIES, level, "Q-" + level, "Đạt mức " + level, "HD 21", null));
        }
        int decisiveIndex = reasons.size() - 1;
        SubjectRating explanation = new SubjectRating(id.toString(), kind, level,
                level == null ? Map.of() : LABELS.get(level), null, excluded, pending, reasons, decisiveIndex, fired);
        jdbc.sql("INSERT INTO evaluation.rating (run_id, subject, subject_id, organization_id, grassroots_id, level, "
                        + "excluded, pending, decisive_rule, facts, explanation) VALUES (:run, :subject, :id, :org, "
                        + ":grassroots, :level, :excluded, :pending, :rule, CAST(:facts AS jsonb), "
                        + "CAST(:explanation AS jsonb))")
                .param("run", run).param("subject", subject).param("id", id).param("org", organization)
                .param("grassroots", grassroots).param("level", level).param("excluded", excluded)
                .param("pending", pending).param("rule", reasons.get(decisiveIndex).ruleId()).param("facts", facts)
                .param("explanation", RatingJson.write(explanation)).update();
    }

    private void project(UUID id, String code, String name, String kind, UUID parent) {
        // the facts ledger, as the organizations events write it (the organization_projection view reads it)
        jdbc.sql("INSERT INTO evaluation.fact_organization (organization_id, code, kind, established_on) "
                        + "VALUES (:id, :code, :kind, DATE '2005-01-10') ON CONFLICT (organization_id) DO NOTHING")
                .param("id", id).param("code", code).param("kind", kind).update();
        jdbc.sql("INSERT INTO evaluation.fact_organization_name (organization_id, valid_from, name) "
                        + "VALUES (:id, DATE '2005-01-10', :name) ON CONFLICT DO NOTHING")
                .param("id", id).param("name", name).update();
        jdbc.sql("INSERT INTO evaluation.fact_organization_parent (organization_id, valid_from, parent_id) "
                        + "VALUES (:id, DATE '2005-01-10', :parent) "
                        + "ON CONFLICT (organization_id, valid_from) DO UPDATE SET parent_id = EXCLUDED.parent_id")
                .param("id", id).param("parent", parent).update();
    }

    /** The shipped pack of 2019-2022 under an id of its own, stored once for the test JVM. */
    private static synchronized String pack(RulePackRegistry packs) {
        if (packId == null) {
            String id = "rep-" + UUID.randomUUID().toString().substring(0, 8);
            packs.upload(TestPacks.shipped(Path.of("../../rules/qd132-hd21"),
                    manifest -> manifest.replace("id: qd132-hd21", "id: " + id)), "test");
            packId = id;
        }
        return packId;
    }
}

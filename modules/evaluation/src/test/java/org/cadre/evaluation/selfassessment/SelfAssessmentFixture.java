package org.cadre.evaluation.selfassessment;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.cadre.evaluation.SelfReview;
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
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A tree of its own (a prefix keeps it apart from other tests' data): a grassroots committee with two chapters and
 * members admitted long before the year, another committee outside the cycle's scope with one member, a small pack
 * written here (its member scale is what a member may propose), and an open cycle of the committee pinned to it,
 * inserted as the cycles service would (copied from runs/RunFixture and inputs/InputsFixture, which stay theirs).
 */
final class SelfAssessmentFixture {

    static final int YEAR = 2005;
    static final String PACK = "test-self-2005";
    static final Caller EVALUATOR = Caller.of("eva", Role.EVALUATOR);

    static final String MANIFEST = """
            id: test-self-2005
            version: 1
            factsContract: 1
            name: { vi: "Bộ thử tự kiểm điểm", en: "Self-assessment test pack" }
            regulation: { number: "TEST-SELF" }
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
            package rules.test.self;
            import org.cadre.ratingrules.facts.*;

            rule "Good"
                @id("S-TT") @criterion("Dự họp") @article("TEST-SELF, 1")
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
              - { subject: b, level: HTTNV, reasons: [S-TT] }
            """;

    static final SelfReview FULL = new SelfReview("Hoàn thành tốt công việc chuyên môn; dự họp đầy đủ.",
            "Đôi khi chậm báo cáo; nguyên nhân: khối lượng việc lớn.", "Lập kế hoạch công việc hằng tuần.", "HTTNV");

    final String prefix = "S" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    final OrganizationId committee;
    final OrganizationId chapterA;
    final OrganizationId chapterB;
    final OrganizationId elsewhere;
    final MemberId an;
    final MemberId binh;
    final MemberId cuong;
    final MemberId outsider;
    final int packVersion;
    final UUID cycle;
    private int cards;

    SelfAssessmentFixture(Organizations organizations, Members members, RulePackRegistry registry, JdbcClient jdbc) {
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
        binh = admit(members, chapterA, "Trần", "Thị", "Bình");
        cuong = admit(members, chapterB, "Lê", "Đức", "Cường");
        outsider = admit(members, elsewhere, "Phạm", "Thị", "Dung");
        int version = storePack(registry);
        packVersion = version;
        cycle = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO evaluation.cycle (cycle_id, year, scope_id, pack_id, pack_version, status, opened_on,
                    opened_by) VALUES (:id, :year, :scope, :pack, :version, 'OPEN', :on, 'test')
                """).param("id", cycle).param("year", YEAR).param("scope", committee.value()).param("pack", PACK)
                .param("version", version).param("on", OffsetDateTime.now()).update();
    }

    private MemberId admit(Members members, OrganizationId organization, String family, String middle,
            String given) {
        return members.admit(new AdmitMember(prefix + "-" + (++cards), family, middle, given,
                LocalDate.of(1970, 4, 12), Sex.FEMALE, null, organization.value(), LocalDate.of(1998, 5, 19),
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
        return new Caller("sec-" + prefix, Set.of(Role.SECRETARY), null, organization.value(), null);
    }

    /** The test pack, stored once per database (its scale is all a self-assessment reads of it). */
    static synchronized int storePack(RulePackRegistry registry) {
        if (registry.packs().stream().anyMatch(p -> p.packId().equals(PACK))) {
            return registry.versions(PACK).get(0).version();
        }
        try {
            PackVersion stored = registry.upload(zip(Map.of("pack.yaml", MANIFEST, "rules/self.drl", RULES,
                    "scenarios/self.yaml", SCENARIO)), "test");
            return stored.version();
        } catch (Refused e) {
            // a version that does not validate here is still stored (a draft): its scale is what is read
            return registry.versions(PACK).get(0).version();
        }
    }

    static byte[] zip(Map<String, String> files) {
        return EvaluationTesting.zip(files);
    }
}

package org.cadre.ratingrules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cadre.ratingrules.engine.CompiledPack;
import org.cadre.ratingrules.engine.PackValidator;
import org.cadre.ratingrules.facts.MemberFacts;
import org.cadre.ratingrules.facts.OrganizationFacts;
import org.cadre.ratingrules.facts.Proposal;
import org.cadre.ratingrules.facts.Reason;
import org.cadre.ratingrules.pack.PackFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * What a rating means, whoever builds the call: organizations are rated on their members' results of the same run
 * or wait, a rating always says why, an excluded subject is not also pending, members and organizations of one
 * regime are rated on scales of their own by one pack, and a share written as a fraction decides its boundary
 * exactly. On a pack written here, with a scale per subject like the 2014 regime's.
 */
@Execution(ExecutionMode.CONCURRENT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RatingSemanticsTests {

    private static final String MANIFEST = """
            id: test-two-scales
            version: 1
            factsContract: 1
            name: { vi: "Hai thang", en: "Two scales" }
            regulation: { number: "TEST-02" }
            years: { from: 2014 }
            subjects: [MEMBER, ORGANIZATION]
            scale:
              MEMBER:
                - { code: DU_TU_CACH, rank: 2, label: { vi: "Đủ tư cách", en: "Qualified" } }
                - { code: VI_PHAM, rank: 1, label: { vi: "Vi phạm tư cách", en: "In breach" } }
              ORGANIZATION:
                - { code: TSVM, rank: 3, label: { vi: "Trong sạch, vững mạnh", en: "Clean and strong" } }
                - { code: HTTNV, rank: 2, label: { vi: "Hoàn thành tốt nhiệm vụ", en: "Completed tasks well" } }
                - { code: YEU_KEM, rank: 1, label: { vi: "Yếu kém", en: "Weak" } }
            parameters:
              - { name: minAttendance, type: decimal, default: 0.8, min: 0, max: 1,
                  label: { vi: "Dự họp", en: "Attendance" }, article: "TEST-02, 1" }
              - { name: strongShare, type: share, default: "2/3",
                  label: { vi: "Tỷ lệ đảng viên đủ tư cách", en: "Share qualified" }, article: "TEST-02, 2" }
              - { name: weakShare, type: share, default: "1/3",
                  label: { vi: "Tỷ lệ vi phạm", en: "Share in breach" }, article: "TEST-02, 3" }
              - { name: orgQuota, type: share, default: "1/3",
                  label: { vi: "Tỷ lệ TSVM", en: "Quota" }, article: "TEST-02, 4" }
            quotas:
              - { id: Q-TSVM, subject: ORGANIZATION, level: TSVM, base: HTTNV, share: orgQuota, per: PARENT,
                  demoteTo: HTTNV, article: "TEST-02, 4" }
            """;

    private static final String RULES = """
            package rules.test.twoscales;
            import org.cadre.ratingrules.facts.*;
            global Parameters params;

            rule "Qualified member"
                @id("M-OK") @criterion("Dự họp đủ") @article("TEST-02, 1")
            when
                $m : MemberFacts( attendanceRatio >= params.number("minAttendance") )
                $p : Proposal( subjectId == $m.subjectId )
            then
                $p.qualify("DU_TU_CACH");
            end

            rule "No review yet"
                @id("M-WAIT") @criterion("Chưa kiểm điểm") @article("TEST-02, 5")
            when
                $m : MemberFacts( selfReviewSubmitted == false )
                $p : Proposal( subjectId == $m.subjectId )
            then
                $p.pend("Chưa nộp bản kiểm điểm");
            end

            rule "Suspended"
                @id("M-EXCL") @criterion("Đình chỉ sinh hoạt") @article("TEST-02, 6")
            when
                $m : MemberFacts( suspended == true )
                $p : Proposal( subjectId == $m.subjectId )
            then
                $p.exclude();
            end

            rule "Strong organization"
                @id("O-STRONG") @criterion("Đủ tỷ lệ đảng viên đủ tư cách") @article("TEST-02, 2")
            when
                $o : OrganizationFacts( ratedMembers > 0, params.share("strongShare").reachedBy(membersIn("DU_TU_CACH"), ratedMembers) )
                $p : Proposal( subjectId == $o.subjectId )
            then
                $p.qualify("TSVM");
            end

            rule "Good organization"
                @id("O-GOOD") @criterion("Có đảng viên đủ tư cách") @article("TEST-02, 2")
            when
                $o : OrganizationFacts( membersIn("DU_TU_CACH") > 0 || subOrganizationsIn("TSVM,HTTNV") > 0 )
                $p : Proposal( subjectId == $o.subjectId )
            then
                $p.qualify("HTTNV");
            end

            rule "Weak organization"
                @id("O-WEAK") @criterion("Trên 1/3 đảng viên vi phạm") @article("TEST-02, 3")
            when
                $o : OrganizationFacts( params.share("weakShare").exceededBy(membersIn("VI_PHAM"), ratedMembers) )
                $p : Proposal( subjectId == $o.subjectId )
            then
                $p.limit("YEU_KEM");
            end
            """;

    private static final String SCENARIO = """
            name: "A chapter of two qualified members is clean and strong; rated alone it waits"
            year: 2014
            members:
              - { id: a, facts: { organizationId: c1, meetingsRequired: 10, meetingsAttended: 10, selfReviewSubmitted: true } }
              - { id: b, facts: { organizationId: c1, meetingsRequired: 10, meetingsAttended: 9, selfReviewSubmitted: true } }
            organizations:
              - { id: c1, facts: { parentId: g1, subOrganizationCount: 0 } }
              - { id: c2, facts: { parentId: g1 } }
            expect:
              - { subject: a, level: DU_TU_CACH, reasons: [M-OK] }
              - { subject: c1, level: TSVM, reasons: [O-STRONG], absentReasons: [O-WEAK] }
              - { subject: c2, pending: true, reasons: [results-missing], absentReasons: [O-STRONG] }
            """;

    private CompiledPack pack;
    private Map<String, Object> parameters;

    @BeforeAll
    void compile() {
        PackValidator.Validation validation = new PackValidator().validate(PackFiles.ofText(Map.of(
                "pack.yaml", MANIFEST, "rules.drl", RULES, "scenarios/basic.yaml", SCENARIO)));
        assertThat(validation.report().problems()).isEmpty();
        pack = validation.pack();
        parameters = validation.parameters();
    }

    @AfterAll
    void close() {
        pack.close();
    }

    @Test
    void membersAndOrganizationsAreRatedOnTheirOwnScalesByOnePackWithLabelsInBothLanguages() {
        Ratings ratings = pack.evaluate(2014, parameters, List.of(member("a", "c1", 10), member("b", "c1", 9),
                member("c", "c1", 8)), List.of(chapter("c1", "g1")));
        SubjectRating a = ratings.rating("a").orElseThrow();
        assertThat(a.level()).isEqualTo("DU_TU_CACH");
        assertThat(a.label("vi")).isEqualTo("Đủ tư cách");
        assertThat(a.label("en")).isEqualTo("Qualified");
        SubjectRating chapter = ratings.rating("c1").orElseThrow();
        assertThat(chapter.level()).isEqualTo("TSVM");
        assertThat(chapter.levelLabel()).containsEntry("vi", "Trong sạch, vững mạnh").containsEntry("en",
                "Clean and strong");
        // a member rule that wrote an organization level would be refused by the member scale, and the other way
        assertThat(pack.scale(Proposal.Subject.MEMBER).contains("TSVM")).isFalse();
        assertThat(pack.scale(Proposal.Subject.ORGANIZATION).contains("DU_TU_CACH")).isFalse();
    }

    @Test
    void anOrganizationRatedWithoutItsMembersWaitsAndSaysWhy() {
        // the example of the issue: an organization whose members are not in the call is not rated on empty counts
        Ratings alone = pack.evaluateBatch(2014, parameters, Proposal.Subject.ORGANIZATION,
                List.of(chapter("c1", "g1")));
        SubjectRating c1 = alone.rating("c1").orElseThrow();
        assertThat(c1.pending()).isTrue();
        assertThat(c1.level()).isNull();
        assertThat(c1.reasons()).extracting(Reason::code).contains("results-missing");
        assertThat(c1.decisiveReason()).hasValueSatisfying(r -> assertThat(r.code()).isEqualTo("results-missing"));

        // the roll says three members, the run has two: pending, with how many are missing
        OrganizationFacts counted = chapter("c1", "g1");
        counted.setMemberCount(3);
        Ratings partial = pack.evaluate(2014, parameters, List.of(member("a", "c1", 10), member("b", "c1", 10)),
                List.of(counted));
        SubjectRating waiting = partial.rating("c1").orElseThrow();
        assertThat(waiting.pending()).isTrue();
        assertThat(waiting.reasons()).filteredOn(r -> "members-missing".equals(r.code()))
                .singleElement().satisfies(r -> assertThat(r.arguments()).containsExactly("1", "3"));
    }

    @Test
    void aPendingMemberKeepsTheOrganizationPendingAndAnExcludedOneDoesNotCount() {
        MemberFacts noReview = member("late", "c1", 10);
        noReview.setSelfReviewSubmitted(false);
        Ratings ratings = pack.evaluate(2014, parameters, List.of(member("a", "c1", 10), noReview),
                List.of(chapter("c1", "g1")));
        assertThat(ratings.rating("late").orElseThrow().pending()).isTrue();
        SubjectRating c1 = ratings.rating("c1").orElseThrow();
        assertThat(c1.pending()).as("an organization is not rated while a member is pending").isTrue();
        assertThat(c1.reasons()).filteredOn(r -> "members-pending".equals(r.code()))
                .singleElement().satisfies(r -> assertThat(r.arguments()).containsExactly("1", "2"));

        // excluded and without a review: not classified, and not also pending; the chapter is rated on the rest
        MemberFacts suspended = member("s", "c1", 0);
        suspended.setSuspended(true);
        suspended.setSelfReviewSubmitted(false);
        Ratings withExcluded = pack.evaluate(2014, parameters, List.of(member("a", "c1", 10), suspended),
                List.of(chapter("c1", "g1")));
        SubjectRating s = withExcluded.rating("s").orElseThrow();
        assertThat(s.excluded()).isTrue();
        assertThat(s.pending()).isFalse();
        assertThat(s.decisiveReason()).hasValueSatisfying(r -> assertThat(r.ruleId()).isEqualTo("M-EXCL"));
        assertThat(withExcluded.rating("c1").orElseThrow().level()).isEqualTo("TSVM");
    }

    @Test
    void aSubOrganizationStillPendingKeepsItsParentPending() {
        MemberFacts noReview = member("late", "c2", 10);
        noReview.setSelfReviewSubmitted(false);
        OrganizationFacts committee = chapter("g1", null);
        committee.setMemberCount(0);
        Ratings ratings = pack.evaluate(2014, parameters, List.of(member("a", "c1", 10), noReview),
                List.of(committee, chapter("c1", "g1"), chapter("c2", "g1")));
        assertThat(ratings.rating("c1").orElseThrow().level()).isEqualTo("TSVM");
        assertThat(ratings.rating("c2").orElseThrow().pending()).isTrue();
        SubjectRating g1 = ratings.rating("g1").orElseThrow();
        assertThat(g1.pending()).isTrue();
        assertThat(g1.reasons()).extracting(Reason::code).contains("sub-organizations-pending");
    }

    @Test
    void aRatingIsNeverBareAndMarksTheReasonThatDecidedIt() {
        Ratings ratings = pack.evaluate(2014, parameters, List.of(member("a", "c1", 1), member("b", "c1", 1),
                member("c", "c1", 10)), List.of(chapter("c1", "g1")));
        SubjectRating a = ratings.rating("a").orElseThrow();
        assertThat(a.level()).isEqualTo("VI_PHAM");
        assertThat(a.reasons()).singleElement().satisfies(reason -> {
            assertThat(reason.effect()).isEqualTo(Reason.Effect.UNQUALIFIED);
            assertThat(reason.code()).isEqualTo("unqualified");
            assertThat(reason.level()).isEqualTo("VI_PHAM");
        });
        assertThat(a.decisive()).isZero();

        // 2 of 3 in breach is more than a third: the limit brought the level down and is the decisive reason
        SubjectRating c1 = ratings.rating("c1").orElseThrow();
        assertThat(c1.level()).isEqualTo("YEU_KEM");
        assertThat(c1.decisiveReason()).hasValueSatisfying(r -> {
            assertThat(r.ruleId()).isEqualTo("O-WEAK");
            assertThat(r.effect()).isEqualTo(Reason.Effect.LIMITS);
        });
        assertThat(c1.reasons()).extracting(Reason::ruleId).contains("O-GOOD", "O-WEAK");
    }

    @Test
    void anExplanationCarriesTheValuesTheRuleReadAndTheParameters() {
        Ratings ratings = pack.evaluate(2014, parameters, List.of(member("a", "c1", 9)),
                List.of(chapter("c1", "g1")));
        FiredRule fired = ratings.rating("a").orElseThrow().firedRules().stream()
                .filter(f -> f.ruleId().equals("M-OK")).findFirst().orElseThrow();
        assertThat(fired.values()).containsEntry("attendanceRatio", "0.9").containsEntry("minAttendance", "0.8");
        FiredRule strong = ratings.rating("c1").orElseThrow().firedRules().stream()
                .filter(f -> f.ruleId().equals("O-STRONG")).findFirst().orElseThrow();
        assertThat(strong.values()).containsEntry("ratedMembers", "1").containsEntry("strongShare", "2/3");
    }

    @Test
    void aShareWrittenAsAFractionDecidesItsBoundaryExactly() {
        // exactly one third in breach is not "more than one third"; a rounded 0.33 would have made the chapter weak
        List<MemberFacts> members = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            members.add(member("m" + i, "c1", i < 3 ? 1 : 10));
        }
        Ratings exact = pack.evaluate(2014, parameters, members, List.of(chapter("c1", "g1")));
        assertThat(exact.rating("c1").orElseThrow().level()).as("6 of 9 qualified is exactly two thirds")
                .isEqualTo("TSVM");

        Map<String, Object> rounded = new LinkedHashMap<>(parameters);
        rounded.put("weakShare", org.cadre.ratingrules.facts.Share.parse("0.33").orElseThrow());
        rounded.put("strongShare", org.cadre.ratingrules.facts.Share.parse("67%").orElseThrow());
        Ratings roundedRun = pack.evaluate(2014, rounded, members, List.of(chapter("c1", "g1")));
        assertThat(roundedRun.rating("c1").orElseThrow().level()).as("what a rounded decimal would have given")
                .isEqualTo("YEU_KEM");
    }

    @Test
    void aQuotaOfOneThirdAllowsExactlyAThirdOfTheBase() {
        // nine organizations at HTTNV and four at TSVM under one parent: one third of 9 is 3, so one is in excess
        List<MemberFacts> members = new ArrayList<>();
        List<OrganizationFacts> chapters = new ArrayList<>();
        OrganizationFacts parent = chapter("g1", null);
        parent.setMemberCount(0);
        chapters.add(parent);
        for (int i = 0; i < 13; i++) {
            String id = "c" + i;
            chapters.add(chapter(id, "g1"));
            members.add(member(id + "-a", id, 10));
            members.add(member(id + "-b", id, i < 4 ? 10 : 1));
        }
        // strong: every member qualified; weak: more than half in breach (so one of two makes a chapter HTTNV)
        Map<String, Object> values = new LinkedHashMap<>(parameters);
        values.put("strongShare", org.cadre.ratingrules.facts.Share.parse("100%").orElseThrow());
        values.put("weakShare", org.cadre.ratingrules.facts.Share.parse("1/2").orElseThrow());
        Ratings ratings = pack.evaluate(2014, values, members, chapters);
        assertThat(ratings.ratings()).filteredOn(r -> "TSVM".equals(r.level())).hasSize(4);
        assertThat(ratings.ratings()).filteredOn(r -> "HTTNV".equals(r.level())).hasSize(9 + 1);
        assertThat(ratings.calibrations()).singleElement().satisfies(c -> {
            assertThat(c.baseCount()).isEqualTo(9);
            assertThat(c.allowed()).isEqualTo(3);
            assertThat(c.excess()).isEqualTo(1);
        });
    }

    @Test
    void aRunInStepsRatesEverySubjectAsOneCallWouldAndRatesNoneTwice() {
        // two grassroots organizations under a bloc: each rated with its members in a step, then the bloc on their
        // results; the result is the one call's, and the bloc's step leaves the earlier subjects out
        List<MemberFacts> first = List.of(member("a", "c1", 10), member("b", "c1", 9));
        List<MemberFacts> second = List.of(member("c", "c2", 4), member("d", "c2", 3));
        List<OrganizationFacts> firstOrganizations = List.of(chapter("c1", "g1"), chapter("g1", "bloc"));
        List<OrganizationFacts> secondOrganizations = List.of(chapter("c2", "g2"), chapter("g2", "bloc"));
        OrganizationFacts bloc = chapter("bloc", null);

        List<MemberFacts> allMembers = new ArrayList<>(first);
        allMembers.addAll(second);
        List<OrganizationFacts> allOrganizations = new ArrayList<>(firstOrganizations);
        allOrganizations.addAll(secondOrganizations);
        allOrganizations.add(bloc);
        Ratings once = pack.evaluate(2014, parameters, allMembers, allOrganizations);

        Map<String, SubjectRating> earlier = new LinkedHashMap<>();
        pack.evaluate(2014, parameters, first, firstOrganizations, Map.of()).ratings()
                .forEach(r -> earlier.put(r.subjectId(), r));
        pack.evaluate(2014, parameters, second, secondOrganizations, Map.of()).ratings()
                .forEach(r -> earlier.put(r.subjectId(), r));
        List<OrganizationFacts> top = List.of(chapter("g1", "bloc"), chapter("g2", "bloc"), bloc);
        Ratings last = pack.evaluate(2014, parameters, List.of(), top, earlier);

        assertThat(last.ratings()).extracting(SubjectRating::subjectId).containsExactly("bloc");
        Map<String, String> stepwise = new LinkedHashMap<>();
        earlier.forEach((id, r) -> stepwise.put(id, r.level()));
        last.ratings().forEach(r -> stepwise.put(r.subjectId(), r.level()));
        Map<String, String> together = new LinkedHashMap<>();
        once.ratings().forEach(r -> together.put(r.subjectId(), r.level()));
        assertThat(stepwise).isEqualTo(together);
        assertThat(together.get("bloc")).isNotNull();
        assertThat(together.get("g2")).isNotEqualTo(together.get("g1"));
    }

    private static MemberFacts member(String id, String chapter, int attended) {
        MemberFacts facts = new MemberFacts();
        facts.setSubjectId(id);
        facts.setOrganizationId(chapter);
        facts.setGrassrootsOrganizationId("g1");
        facts.setMeetingsRequired(10);
        facts.setMeetingsAttended(attended);
        facts.setSelfReviewSubmitted(true);
        return facts;
    }

    private static OrganizationFacts chapter(String id, String parent) {
        OrganizationFacts facts = new OrganizationFacts();
        facts.setSubjectId(id);
        facts.setParentId(parent);
        facts.setGrassrootsOrganizationId("g1");
        return facts;
    }
}

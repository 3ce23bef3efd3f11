package org.cadre.ratingrules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cadre.ratingrules.engine.PackValidator;
import org.cadre.ratingrules.facts.MemberFacts;
import org.cadre.ratingrules.facts.Proposal;
import org.cadre.ratingrules.pack.PackFiles;
import org.cadre.ratingrules.testing.TestPacks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/** The engine on the two-level test pack, without Spring: a scale of its own, reasons, peers, quotas. */
@Execution(ExecutionMode.CONCURRENT)
class EngineCoreTests {

    @Test
    void aPackWithAScaleOfItsOwnValidatesAndRates() {
        PackValidator.Validation validation = new PackValidator().validate(TestPacks.twoLevel());
        assertThat(validation.report().valid()).as(validation.report().summary()).isTrue();
        assertThat(validation.report().scenarios()).hasSize(2);
        try (var pack = validation.pack()) {
            MemberFacts good = TestPacks.member("m1", 10, 10, "GOOD");
            MemberFacts absent = TestPacks.member("m2", 10, 2, "GOOD");
            Ratings evaluation = pack.evaluateBatch(2024, validation.parameters(), Proposal.Subject.MEMBER,
                    List.of(good, absent));
            SubjectRating pass = evaluation.rating("m1").orElseThrow();
            assertThat(pass.level()).isEqualTo("PASS");
            assertThat(pass.reasons()).singleElement().satisfies(reason -> {
                assertThat(reason.ruleId()).isEqualTo("T-PASS");
                assertThat(reason.criterion()).isEqualTo("Dự họp và công việc");
                assertThat(reason.article()).isEqualTo("TEST-01, 2");
            });
            assertThat(pass.firedRules()).singleElement().satisfies(fired ->
                    assertThat(fired.inputs()).containsExactly("m1"));
            assertThat(evaluation.rating("m2").orElseThrow().level()).isEqualTo("FAIL");
            // one pass against one fail: the quota allows floor(0.5 x 1) = 0, so a person calibrates one case
            assertThat(evaluation.calibrations()).singleElement().satisfies(c -> {
                assertThat(c.quotaId()).isEqualTo("Q-PASS");
                assertThat(c.excess()).isEqualTo(1);
                assertThat(c.subjects()).containsExactly("m1");
            });

            // a parameter changes the outcome with no change to the rules
            Map<String, Object> lenient = new LinkedHashMap<>(validation.parameters());
            lenient.put("minAttendance", 0.1);
            lenient.put("quotaEnabled", false);
            Ratings again = pack.evaluateBatch(2024, lenient, Proposal.Subject.MEMBER,
                    List.of(TestPacks.member("m1", 10, 10, "GOOD"), TestPacks.member("m2", 10, 2, "GOOD")));
            assertThat(again.rating("m2").orElseThrow().level()).isEqualTo("PASS");
            assertThat(again.calibrations()).isEmpty();
        }
    }

    @Test
    void aPeerGroupQuotaCountsMembersWithSimilarRolesTogether() {
        PackFiles twoLevel = TestPacks.twoLevel();
        PackFiles byPeers = twoLevel.withText("pack.yaml",
                twoLevel.text("pack.yaml").replace("per: GRASSROOTS_ORGANIZATION", "per: PEER_GROUP"));
        PackValidator.Validation validation = new PackValidator().validate(byPeers);
        try (var pack = validation.pack()) {
            // leaders pass 1 to 1 (over the quota); specialists pass 1 to 3 (within it) in the same organization
            MemberFacts leader = peer(TestPacks.member("l1", 10, 10, "GOOD"), "leaders");
            MemberFacts leaderFail = peer(TestPacks.member("l2", 10, 1, "GOOD"), "leaders");
            MemberFacts specialist = peer(TestPacks.member("s1", 10, 10, "GOOD"), "specialists");
            List<MemberFacts> batch = new ArrayList<>(List.of(leader, leaderFail, specialist));
            for (int i = 2; i <= 4; i++) {
                batch.add(peer(TestPacks.member("s" + i, 10, 1, "GOOD"), "specialists"));
            }
            Ratings evaluation = pack.evaluateBatch(2024, validation.parameters(), Proposal.Subject.MEMBER,
                    List.copyOf(batch));
            assertThat(evaluation.calibrations()).singleElement().satisfies(c -> {
                assertThat(c.group()).isEqualTo("leaders");
                assertThat(c.subjects()).containsExactly("l1");
            });
            // without a peer group, members fall back to their grassroots organization: 2 passes against 4 fails
            // are within floor(0.5 x 4) = 2, so the leaders' excess only shows when peers are counted together
            Ratings ungrouped = pack.evaluateBatch(2024, validation.parameters(), Proposal.Subject.MEMBER,
                    List.copyOf(batch.stream().map(m -> peer(m, null)).toList()));
            assertThat(ungrouped.calibrations()).isEmpty();
        }
    }

    private static MemberFacts peer(MemberFacts member, String group) {
        member.setPeerGroup(group);
        return member;
    }

    @Test
    void theEngineWorksOnCopiesAndLeavesTheGivenFactsAsGiven() {
        PackFiles twoLevel = TestPacks.twoLevel();
        // a rule that writes into the facts it matches: a pack may do so, the caller's objects must not change
        PackFiles writing = twoLevel.withText("rules.drl", twoLevel.text("rules.drl") + """

                rule "Writes into its facts"
                    @id("T-WRITE") @criterion("Thử") @article("TEST-01, 9")
                when
                    $m : MemberFacts( peerGroup == null )
                then
                    $m.setPeerGroup("touched");
                    $m.getCriterionLevels().put("WORK", "POOR");
                end
                """);
        PackValidator.Validation validation = new PackValidator().validate(writing);
        assertThat(validation.report().valid()).as(validation.report().summary()).isTrue();
        try (var pack = validation.pack()) {
            MemberFacts given = TestPacks.member("m1", 10, 10, "GOOD");
            for (int run = 0; run < 2; run++) {
                Ratings ratings = pack.evaluateBatch(2024, validation.parameters(), Proposal.Subject.MEMBER,
                        List.of(given));
                assertThat(ratings.rating("m1").orElseThrow().level()).as("run %d", run).isEqualTo("PASS");
            }
            assertThat(given.getPeerGroup()).isNull();
            assertThat(given.getCriterionLevels()).containsExactly(Map.entry("WORK", "GOOD"));
        }
    }
}

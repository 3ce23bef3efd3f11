package org.cadre.ratingrules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.cadre.ratingrules.engine.PackValidator;
import org.cadre.ratingrules.facts.MemberFacts;
import org.cadre.ratingrules.facts.Proposal;
import org.cadre.ratingrules.pack.PackFiles;
import org.cadre.ratingrules.testing.TestPacks;
import org.junit.jupiter.api.Test;

/** The engine on the two-level test pack, without Spring: a scale of its own, reasons, peers, quotas. */
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
            Map<String, Object> lenient = new java.util.LinkedHashMap<>(validation.parameters());
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
            List<MemberFacts> batch = new java.util.ArrayList<>(List.of(leader, leaderFail, specialist));
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

    /**
     * Throughput at the seed scale: 3,600 members in 100 organizations of 36, one session per organization, as a
     * classification run calls the engine (the figure goes to docs/benchmarks.md).
     */
    @Test
    void seedScaleThroughput() {
        PackValidator.Validation validation = new PackValidator().validate(TestPacks.twoLevel());
        try (var pack = validation.pack()) {
            for (int round = 0; round < 8; round++) {
                long start = System.nanoTime();
                int rated = 0;
                for (int o = 0; o < 100; o++) {
                    List<MemberFacts> members = new java.util.ArrayList<>();
                    for (int m = 0; m < 36; m++) {
                        MemberFacts member = TestPacks.member("o" + o + "m" + m, 12, 6 + m % 7, m % 5 == 0 ? "POOR" : "GOOD");
                        member.setOrganizationId("o" + o);
                        members.add(member);
                    }
                    rated += pack.evaluateBatch(2024, validation.parameters(), Proposal.Subject.MEMBER, members)
                            .ratings().size();
                }
                double micros = (System.nanoTime() - start) / 1000.0 / rated;
                org.slf4j.LoggerFactory.getLogger(EngineCoreTests.class).info(
                        "THROUGHPUT: round {}: {} members in 100 sessions, {} µs per member", round, rated,
                        String.format(java.util.Locale.ROOT, "%.1f", micros));
                assertThat(rated).isEqualTo(3600);
            }
        }
    }

}

package org.cadre.ratingrules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.cadre.ratingrules.engine.PackValidator;
import org.cadre.ratingrules.facts.MemberFacts;
import org.cadre.ratingrules.facts.Proposal;
import org.cadre.ratingrules.testing.TestPacks;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The engine's throughput without Spring, reported in docs/benchmarks.md; run with {@code -Pbenchmarks}. */
@Tag("benchmark")
class EngineThroughputBenchmarkTests {

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
                    List<MemberFacts> members = new ArrayList<>();
                    for (int m = 0; m < 36; m++) {
                        MemberFacts member = TestPacks.member("o" + o + "m" + m, 12, 6 + m % 7, m % 5 == 0 ? "POOR" : "GOOD");
                        member.setOrganizationId("o" + o);
                        members.add(member);
                    }
                    rated += pack.evaluateBatch(2024, validation.parameters(), Proposal.Subject.MEMBER, members)
                            .ratings().size();
                }
                double micros = (System.nanoTime() - start) / 1000.0 / rated;
                LoggerFactory.getLogger(EngineThroughputBenchmarkTests.class).info(
                        "THROUGHPUT: round {}: {} members in 100 sessions, {} µs per member", round, rated,
                        String.format(Locale.ROOT, "%.1f", micros));
                assertThat(rated).isEqualTo(3600);
            }
        }
    }
}

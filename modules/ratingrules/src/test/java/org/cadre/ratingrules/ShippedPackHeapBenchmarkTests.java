package org.cadre.ratingrules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * The heap over 50 activations of a shipped pack (the first one of {@code rules/}): each activation compiles it
 * and runs all its scenarios. A benchmark (tag {@code benchmark}), so the default suite never runs it:
 * {@code ./mvnw -B -Pbenchmarks verify -pl modules/ratingrules -am}.
 */
@RatingRulesModuleTest
@TestPropertySource(properties = "cadre.rating-rules.folder=../../rules")
@Tag("benchmark")
class ShippedPackHeapBenchmarkTests {

    @Autowired
    RulePackRegistry registry;

    @Test
    void heapStaysFlatOver50ActivationsOfAShippedPack() {
        PackVersion v1 = registry.packs().stream().map(p -> registry.versions(p.packId()).get(0))
                .filter(v -> "FOLDER".equals(v.source()) && v.state() == PackState.ACTIVE)
                .filter(v -> !v.packId().startsWith("test-")).findFirst().orElse(null);
        assertThat(v1).as("an active shipped pack of rules/").isNotNull();
        String drl = registry.files(v1.packId(), v1.version()).keySet().stream().filter(p -> p.endsWith(".drl"))
                .findFirst().orElseThrow();
        String text = new String(registry.files(v1.packId(), v1.version()).get(drl), StandardCharsets.UTF_8);
        PackVersion v2 = registry.saveFile(v1.packId(), v1.version(), drl,
                (text + "\n// benchmark copy\n").getBytes(StandardCharsets.UTF_8), "benchmark");
        for (int i = 0; i < 6; i++) {
            registry.activate(v1.packId(), i % 2 == 0 ? v2.version() : v1.version(), "benchmark");
        }
        long before = RulePackActivationTests.usedAfterGc();
        long start = System.nanoTime();
        for (int i = 0; i < 50; i++) {
            registry.activate(v1.packId(), i % 2 == 0 ? v2.version() : v1.version(), "benchmark");
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        long after = RulePackActivationTests.usedAfterGc();
        registry.activate(v1.packId(), v1.version(), "benchmark");
        LoggerFactory.getLogger(getClass()).info("SHIPPED-HEAP: 50 activations of {} in {} ms ({} ms each); {} MB "
                + "before, {} MB after, growth {} MB", v1.packId(), millis, millis / 50, before / 1_048_576,
                after / 1_048_576, (after - before) / 1_048_576.0);
        assertThat(after - before).isLessThan(16L * 1024 * 1024);
    }
}

package org.cadre.ratingrules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.cadre.ratingrules.engine.CompiledPack;
import org.cadre.ratingrules.engine.CompiledPackCache;
import org.cadre.ratingrules.engine.PackValidator;
import org.cadre.ratingrules.facts.Proposal;
import org.cadre.ratingrules.pack.PackFiles;
import org.cadre.ratingrules.pack.Scenario;
import org.cadre.ratingrules.pack.ScenarioReader;
import org.cadre.ratingrules.testing.TestPacks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * The compiled pack cache of the engine, without the database: a hit rates exactly like a fresh compile, a row that
 * cannot be used is compiled again and replaced, a changed pack never gets the old build. A build read from the cache
 * keeps the ReleaseId it was made with, so "the same ReleaseId as the stored build" is how a test tells a hit.
 */
@Execution(ExecutionMode.CONCURRENT)
class CompiledPackCacheTests {

    /** The cache as a map, counting what the compiler asks of it. */
    static final class MapCache implements CompiledPackCache {
        final Map<Key, byte[]> rows = new ConcurrentHashMap<>();
        final AtomicInteger stores = new AtomicInteger();

        @Override
        public Optional<byte[]> find(Key key) {
            return Optional.ofNullable(rows.get(key));
        }

        @Override
        public void store(Key key, String packId, int version, byte[] module) {
            stores.incrementAndGet();
            rows.put(key, module);
        }
    }

    @Test
    void aShippedPackFromTheCacheRatesEveryScenarioLikeAFreshCompile() {
        Path folder = ShippedPacks.all().get(0);
        PackFiles files = PackFiles.fromFolder(folder);
        MapCache cache = new MapCache();
        PackValidator validator = new PackValidator(cache);

        String compiledAs;
        List<Ratings> fresh;
        List<CompiledPack.RuleSummary> rules;
        PackValidator.Validation compiled = validator.validate(files);
        assertThat(compiled.report().valid()).as(compiled.report().summary()).isTrue();
        try (CompiledPack pack = compiled.pack()) {
            compiledAs = pack.releaseId();
            fresh = ratings(pack, compiled, files);
            rules = pack.rules();
        }
        assertThat(cache.stores).hasValue(1);

        PackValidator.Validation cached = validator.validate(files);
        assertThat(cached.report().valid()).as(cached.report().summary()).isTrue();
        try (CompiledPack pack = cached.pack()) {
            assertThat(pack.releaseId()).as("loaded from the cache").isEqualTo(compiledAs);
            assertThat(pack.fromCache()).isTrue();
            assertThat(cached.report().scenarios()).isNotEmpty().allMatch(ScenarioOutcome::passed);
            assertThat(ratings(pack, cached, files)).usingRecursiveComparison().isEqualTo(fresh);
            assertThat(pack.rules()).isEqualTo(rules);
        }
        assertThat(cache.stores).as("a hit stores nothing").hasValue(1);
    }

    @Test
    void aCorruptOrForeignRowIsCompiledAgainAndReplaced() {
        PackFiles files = TestPacks.twoLevel();
        PackFiles other = files.withText("rules.drl", files.text("rules.drl") + "\n// another build\n");
        MapCache cache = new MapCache();
        PackValidator validator = new PackValidator(cache);
        String good = releaseIdOf(validator, files);
        CompiledPackCache.Key key = cache.rows.keySet().iterator().next();
        byte[] goodRow = cache.rows.get(key);
        String foreign = releaseIdOf(validator, other);

        List<byte[]> corrupt = List.of(
                "not a jar".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                Arrays.copyOf(goodRow, goodRow.length / 2),
                // a sound build, but of other sources (the same pack with a changed rule file)
                cache.rows.entrySet().stream().filter(e -> !e.getKey().equals(key)).findFirst().orElseThrow()
                        .getValue(),
                new byte[0]);
        for (byte[] row : corrupt) {
            cache.rows.put(key, row);
            int stores = cache.stores.get();
            PackValidator.Validation validation = validator.validate(files);
            assertThat(validation.report().valid()).as(validation.report().summary()).isTrue();
            try (CompiledPack pack = validation.pack()) {
                assertThat(pack.releaseId()).as("compiled again").isNotIn(good, foreign);
                assertThat(pack.fromCache()).isFalse();
                assertThat(validation.report().scenarios()).allMatch(ScenarioOutcome::passed);
            }
            assertThat(cache.stores).as("the row is replaced").hasValue(stores + 1);
            assertThat(cache.rows.get(key)).isNotEqualTo(row);
        }
        // and the replaced row serves the next load
        String replacedBy;
        try (CompiledPack pack = validator.load(files).pack()) {
            replacedBy = pack.releaseId();
        }
        try (CompiledPack pack = validator.load(files).pack()) {
            assertThat(pack.releaseId()).isEqualTo(replacedBy);
        }
    }

    @Test
    void aChangedPackIsNotServedFromTheOldBuild() {
        PackFiles files = TestPacks.twoLevel();
        MapCache cache = new MapCache();
        PackValidator validator = new PackValidator(cache);
        String before = releaseIdOf(validator, files);
        // the pass rule now asks for a higher attendance: the same member fails
        PackFiles stricter = files.withText("rules.drl", files.text("rules.drl").replace(
                "attendanceRatio >= params.number(\"minAttendance\")",
                "attendanceRatio >= 0.95"));
        assertThat(stricter.checksum()).isNotEqualTo(files.checksum());

        PackValidator.Validation changed = validator.load(stricter);
        try (CompiledPack pack = changed.pack()) {
            assertThat(pack.releaseId()).isNotEqualTo(before);
            Ratings ratings = pack.evaluateBatch(2024, changed.parameters(), Proposal.Subject.MEMBER,
                    List.of(TestPacks.member("m1", 10, 9, "GOOD")));
            assertThat(ratings.rating("m1").orElseThrow().level()).isEqualTo("FAIL");
        }
        assertThat(cache.rows).hasSize(2);
        // the original still rates that member PASS, from its own row
        PackValidator.Validation original = validator.load(files);
        try (CompiledPack pack = original.pack()) {
            assertThat(pack.releaseId()).isEqualTo(before);
            Ratings ratings = pack.evaluateBatch(2024, original.parameters(), Proposal.Subject.MEMBER,
                    List.of(TestPacks.member("m1", 10, 9, "GOOD")));
            assertThat(ratings.rating("m1").orElseThrow().level()).isEqualTo("PASS");
        }
    }

    @Test
    void aBuildInUseIsNotOpenedTwice() {
        PackFiles files = TestPacks.twoLevel();
        MapCache cache = new MapCache();
        PackValidator validator = new PackValidator(cache);
        releaseIdOf(validator, files);
        try (CompiledPack first = validator.load(files).pack(); CompiledPack second = validator.load(files).pack()) {
            // the second copy compiles: the repository holds one module per ReleaseId
            assertThat(second.releaseId()).isNotEqualTo(first.releaseId());
            first.close();
            Ratings ratings = second.evaluateBatch(2024, validator.load(files).parameters(), Proposal.Subject.MEMBER,
                    List.of(TestPacks.member("m1", 10, 10, "GOOD")));
            assertThat(ratings.rating("m1").orElseThrow().level()).isEqualTo("PASS");
        }
    }

    /** Compiles (or loads) the pack and closes it again; its ReleaseId. */
    private static String releaseIdOf(PackValidator validator, PackFiles files) {
        PackValidator.Validation validation = validator.load(files);
        assertThat(validation.pack()).as(validation.report().summary()).isNotNull();
        try (CompiledPack pack = validation.pack()) {
            return pack.releaseId();
        }
    }

    /** The ratings of every scenario of the pack, each on fresh facts. */
    private static List<Ratings> ratings(CompiledPack pack, PackValidator.Validation validation, PackFiles files) {
        List<Ratings> ratings = new ArrayList<>();
        for (Scenario scenario : ScenarioReader.readAll(files, validation.manifest(), new ArrayList<>())) {
            Map<String, Object> parameters = new java.util.LinkedHashMap<>(validation.parameters());
            parameters.putAll(scenario.parameters());
            ratings.add(pack.evaluate(scenario.year(), parameters, scenario.members(), scenario.organizations()));
        }
        assertThat(ratings).isNotEmpty();
        return ratings;
    }
}

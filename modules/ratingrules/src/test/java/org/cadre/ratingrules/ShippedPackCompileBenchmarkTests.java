package org.cadre.ratingrules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.cadre.ratingrules.engine.CompiledPack;
import org.cadre.ratingrules.engine.PackValidator;
import org.cadre.ratingrules.pack.PackFiles;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Each shipped pack of {@code rules/} loaded cold (compiled: the Java compiler builds its classes) against warm (its
 * stored build read back from the compiled pack cache), as an activation or a start-up loads it; the cache is a map
 * here, the database adds one row's read. {@code -Dcadre.benchmark.runs=N} rounds (3 by default). A benchmark (tag
 * {@code benchmark}): {@code ./mvnw -B -o verify -pl modules/ratingrules -am -Pbenchmarks
 * -Dtest=ShippedPackCompileBenchmarkTests -Dsurefire.failIfNoSpecifiedTests=false | grep PACK-LOAD}.
 */
@Tag("benchmark")
class ShippedPackCompileBenchmarkTests {

    private static final Logger log = LoggerFactory.getLogger(ShippedPackCompileBenchmarkTests.class);

    @Test
    void everyShippedPackLoadsFromTheCacheFasterThanItCompiles() {
        int runs = Integer.getInteger("cadre.benchmark.runs", 3);
        List<Path> packs = ShippedPacks.all();
        for (int run = 1; run <= runs; run++) {
            long coldTotal = 0;
            long warmTotal = 0;
            for (Path folder : packs) {
                PackFiles files = PackFiles.fromFolder(folder);
                CompiledPackCacheTests.MapCache cache = new CompiledPackCacheTests.MapCache();
                PackValidator validator = new PackValidator(cache);
                long cold = load(validator, files, null);
                String stored = cache.rows.values().iterator().next().length / 1024 + " KB";
                long warm = load(validator, files, cache);
                coldTotal += cold;
                warmTotal += warm;
                log.info("PACK-LOAD: run {} {}: cold (compile) {} ms, warm (from the cache, {}) {} ms", run,
                        folder.getFileName(), cold, stored, warm);
            }
            log.info("PACK-LOAD: run {} all {} packs one after the other: cold {} ms, warm {} ms", run, packs.size(),
                    coldTotal, warmTotal);
        }
    }

    /** Milliseconds to a pack ready to rate; with a cache given, the load must have been a hit. */
    private static long load(PackValidator validator, PackFiles files, CompiledPackCacheTests.MapCache hitIn) {
        int stores = hitIn == null ? 0 : hitIn.stores.get();
        long start = System.nanoTime();
        PackValidator.Validation loaded = validator.load(files);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(loaded.pack()).as(loaded.report().summary()).isNotNull();
        try (CompiledPack pack = loaded.pack()) {
            assertThat(pack.rules()).isNotEmpty();
        }
        if (hitIn != null) {
            assertThat(hitIn.stores).as("served from the cache, not compiled").hasValue(stores);
        }
        return millis;
    }
}

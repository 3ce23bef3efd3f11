package org.cadre.ratingrules.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.ToIntFunction;
import org.cadre.ratingrules.Ratings;
import org.cadre.ratingrules.engine.CompiledPack;
import org.cadre.ratingrules.engine.PackValidator;
import org.cadre.ratingrules.facts.MemberFacts;
import org.cadre.ratingrules.facts.Proposal;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rules step against its limit (issue 14, §3): the shipped QĐ 124 pack run by Drools the way a classification
 * run calls it ({@code CompiledPack.evaluate}: the facts copied, one session per chapter of 36, the listener that
 * attributes every reason and records what each rule read, the quota) against {@link Qd124PlainJava}, the same
 * pack in plain Java producing the same proposals with their reasons and the same calibration cases. Microseconds
 * per member, warm, on one thread and on two (the members split in two halves at a grassroots organization's
 * boundary, so the quota groups stay whole), and the ratio. Run with {@code -Pbenchmarks} and a full JIT
 * ({@code -DargLine="-Dfile.encoding=UTF-8"} replaces the suite's C1-only flags); figures go to docs/benchmarks.md.
 */
@Tag("benchmark")
class RulesBaselineBenchmarkTests {

    private static final Logger LOG = LoggerFactory.getLogger(RulesBaselineBenchmarkTests.class);
    private static final int YEAR = 2024;

    @Test
    void droolsAgainstPlainJava() throws Exception {
        PackValidator.Validation validation = Qd124CrossCheck.load();
        Map<String, Object> parameters = validation.parameters();
        ExecutorService two = Executors.newFixedThreadPool(2);
        LOG.info("RULES-BASELINE: {} processors, JVM flags {}, load average at the start {}", Runtime.getRuntime()
                .availableProcessors(), java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments(),
                loadAverage());
        try (var pack = validation.pack()) {
            Qd124PlainJava plain = Qd124CrossCheck.plain(pack, validation.manifest(), parameters);
            // CI's smoke run (-Dcadre.benchmark.scale=seed) keeps to the seed bloc and a few rounds: it proves the
            // harness, not the figures
            boolean smoke = "seed".equals(System.getProperty("cadre.benchmark.scale"));
            for (int[] run : smoke ? new int[][] {{3_600, 4}} : new int[][] {{3_600, 40}, {100_000, 10}}) {
                int size = run[0];
                int rounds = run[1];
                List<MemberFacts> members = Qd124Members.generate(size, 20_231_004L + size);
                // the halves end at a grassroots organization (360 members), so quota groups are not split
                int half = size / 2 / 360 * 360;
                List<List<MemberFacts>> halves = List.of(members.subList(0, half), members.subList(half, size));

                // both sides must agree on these very members before their times mean anything
                agree(pack, plain, parameters, members);

                ToIntFunction<List<MemberFacts>> engine = batch -> {
                    Ratings ratings = pack.evaluate(YEAR, parameters, batch, List.of());
                    return ratings.ratings().size() + ratings.calibrations().size();
                };
                ToIntFunction<List<MemberFacts>> java = batch -> {
                    Map<String, Proposal> rated = Qd124CrossCheck.rate(plain, batch);
                    return rated.size() + plain.quotas(batch, rated).size();
                };
                double[][] micros = new double[4][rounds];
                for (int round = 0; round < rounds; round++) {
                    micros[0][round] = time(() -> engine.applyAsInt(members), size);
                    micros[1][round] = time(() -> java.applyAsInt(members), size);
                    micros[2][round] = time(() -> both(two, engine, halves), size);
                    micros[3][round] = time(() -> both(two, java, halves), size);
                    LOG.info("RULES-BASELINE: {} members, round {}: Drools {} µs/member (1 thread), {} (2 threads);"
                            + " plain Java {} (1 thread), {} (2 threads)", size, round, f(micros[0][round]),
                            f(micros[2][round]), f(micros[1][round]), f(micros[3][round]));
                }
                // warm: the second half of the rounds
                double drools1 = median(micros[0], rounds / 2);
                double java1 = median(micros[1], rounds / 2);
                double drools2 = median(micros[2], rounds / 2);
                double java2 = median(micros[3], rounds / 2);
                LOG.info("RULES-BASELINE: {} members, median of rounds {} to {}: Drools {} µs/member (1 thread), {}"
                        + " (2 threads); plain Java {} (1 thread), {} (2 threads); ratio {}x (1 thread), {}x"
                        + " (2 threads), Drools on 2 threads against plain Java on 1: {}x; best rounds: Drools {} / {},"
                        + " plain Java {} / {}; load average {}", size, rounds / 2, rounds - 1, f(drools1), f(drools2),
                        f(java1), f(java2), f(drools1 / java1), f(drools2 / java2), f(drools2 / java1),
                        f(min(micros[0], rounds / 2)), f(min(micros[2], rounds / 2)), f(min(micros[1], rounds / 2)),
                        f(min(micros[3], rounds / 2)), loadAverage());
            }
        } finally {
            two.shutdownNow();
        }
    }

    /** In its own method, so nothing of the check stays reachable (and in the heap) while the rounds run. */
    private static void agree(CompiledPack pack, Qd124PlainJava plain,
            Map<String, Object> parameters, List<MemberFacts> members) {
        Ratings drools = pack.evaluate(YEAR, parameters, members, List.of());
        Map<String, Proposal> proposals = Qd124CrossCheck.rate(plain, members);
        assertThat(Qd124CrossCheck.differences(members, drools, proposals, plain.quotas(members, proposals)))
                .as("Drools and plain Java agree on the %d members", members.size()).isEmpty();
    }

    private static int both(ExecutorService two, ToIntFunction<List<MemberFacts>> work,
            List<List<MemberFacts>> halves) throws Exception {
        List<Future<Integer>> futures = new ArrayList<>();
        for (List<MemberFacts> half : halves) {
            futures.add(two.submit(() -> work.applyAsInt(half)));
        }
        int total = 0;
        for (Future<Integer> future : futures) {
            total += future.get();
        }
        return total;
    }

    private interface Work {
        int run() throws Exception;
    }

    /** Microseconds per member of one run; the result is checked so the work cannot be optimized away. */
    private static double time(Work work, int size) throws Exception {
        long start = System.nanoTime();
        int result = work.run();
        long nanos = System.nanoTime() - start;
        assertThat(result).as("every member rated").isGreaterThanOrEqualTo(size);
        return nanos / 1000.0 / size;
    }

    private static double median(double[] values, int from) {
        double[] warm = Arrays.copyOfRange(values, from, values.length);
        Arrays.sort(warm);
        return warm.length % 2 == 1 ? warm[warm.length / 2] : (warm[warm.length / 2 - 1] + warm[warm.length / 2]) / 2;
    }

    private static double min(double[] values, int from) {
        return Arrays.stream(values, from, values.length).min().orElseThrow();
    }

    private static String f(double value) {
        return String.format(Locale.ROOT, value < 10 ? "%.2f" : "%.1f", value);
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }
}

package org.cadre.platform.testing;

import java.util.Map;
import java.util.OptionalInt;
import java.util.Random;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A property checked against generated input, try after try: the fuzz tests' whole harness.
 *
 * <p>Try {@code i} draws its input from a {@link Random} seeded from the base seed and {@code i} alone, so a failing
 * try replays by itself, without the tries before it: its failure names the seed and the try
 * ({@code -Dcadre.fuzz.seed=<seed> -Dcadre.fuzz.try=<i>}) and shows the input, shortened and with invisible
 * characters escaped. The base seed and the tries follow {@link FuzzSettings}. Nothing is shrunk: generators draw
 * small inputs often, so a failure's input is usually small already.
 *
 * <p>The property returns its outcome (accepted, the refusal's reason, the status...): the counts are logged after
 * the last try, so a property that never gets past the first check shows it.
 */
public final class Fuzz {

    private static final Logger log = LoggerFactory.getLogger(Fuzz.class);
    private static final int SHOWN = 600;

    /** Draws one input from the try's generator. */
    @FunctionalInterface
    public interface Generator<T> {
        T next(Gen gen) throws Exception;
    }

    /** Checks one input (by assertions) and returns its outcome, to count. */
    @FunctionalInterface
    public interface Property<T> {
        Object check(T input) throws Exception;
    }

    private Fuzz() {
    }

    /** Checks the property for {@code tries} inputs (unless the settings replace them or ask for one try). */
    public static <T> void check(int tries, Generator<T> generator, Property<T> property) {
        long seed = FuzzSettings.seed();
        int total = FuzzSettings.tries(tries);
        OptionalInt only = FuzzSettings.onlyTry();
        int first = only.orElse(0);
        int last = only.isPresent() ? first + 1 : total;
        Map<String, Integer> outcomes = new TreeMap<>();
        for (int i = first; i < last; i++) {
            T input = null;
            try {
                input = generator.next(new Gen(new Random(seedOf(seed, i))));
                Object outcome = property.check(input);
                outcomes.merge(String.valueOf(outcome), 1, Integer::sum);
            } catch (Throwable failure) {
                throw new AssertionError("fuzz try " + i + " of " + total + " failed with base seed " + seed
                        + " (replay it alone: -Dcadre.fuzz.seed=" + seed + " -Dcadre.fuzz.try=" + i + ")\n  input: "
                        + (input == null ? "(not generated)" : shown(input)) + "\n  " + failure, failure);
            }
        }
        log.info("{}: {} tries, base seed {}, outcomes {}", caller(), last - first, seed, outcomes);
    }

    /** The seed of one try: the base seed and the try's index mixed (SplitMix64), so neighbours differ wholly. */
    static long seedOf(long seed, int index) {
        long z = seed + (index + 1) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** The input as a report can show it: invisible and unpaired characters escaped, a long one cut. */
    static String shown(Object input) {
        String text = String.valueOf(input);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length() && out.length() < SHOWN; i++) {
            char c = text.charAt(i);
            boolean paired = Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            if (paired) {
                out.append(c).append(text.charAt(++i));
            } else if (Character.isISOControl(c) || Character.isSurrogate(c) || Character.getType(c) == Character.FORMAT
                    || c == '\u2028' || c == '\u2029') {
                out.append(String.format("\\u%04X", (int) c));
            } else {
                out.append(c);
            }
        }
        return text.length() > SHOWN || out.length() >= SHOWN
                ? out + "… (" + text.length() + " chars)" : out.toString();
    }

    private static String caller() {
        return StackWalker.getInstance().walk(frames -> frames.skip(2).findFirst()
                .map(f -> f.getClassName().substring(f.getClassName().lastIndexOf('.') + 1) + "." + f.getMethodName())
                .orElse("fuzz"));
    }
}

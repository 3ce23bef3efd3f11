package org.cadre.platform.testing;

import java.security.SecureRandom;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The suite's fuzz settings, from system properties (the build passes them on; docs/extending.md, "A property test
 * for a new endpoint").
 *
 * <ul>
 * <li>{@code cadre.fuzz.seed}: the base seed of every property, {@value #DEFAULT_SEED} by default so that a red build
 * is reproducible; {@code random} draws a new one each run (printed with any failure).</li>
 * <li>{@code cadre.fuzz.tries}: replaces every property's tries, for a long fuzz run (a test that hits a limit once
 * is a plain test and stays one call).</li>
 * <li>{@code cadre.fuzz.try}: runs that one try alone (with the seed of the failure that named it).</li>
 * </ul>
 */
public final class FuzzSettings {

    public static final long DEFAULT_SEED = 20261202L;

    private FuzzSettings() {
    }

    /** The base seed: the one given, the default, or a new one drawn for {@code random}. */
    public static long seed() {
        String seed = setting("cadre.fuzz.seed").orElse(String.valueOf(DEFAULT_SEED));
        if ("random".equalsIgnoreCase(seed)) {
            return new SecureRandom().nextLong();
        }
        try {
            return Long.parseLong(seed);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("cadre.fuzz.seed is a number or 'random', not '" + seed + "'", e);
        }
    }

    /** The tries of a property: its own, unless a long run replaces them. */
    public static int tries(int declared) {
        return setting("cadre.fuzz.tries").map(Integer::valueOf).orElse(declared);
    }

    /** The one try to run alone, if asked. */
    public static OptionalInt onlyTry() {
        return setting("cadre.fuzz.try").map(t -> OptionalInt.of(Integer.parseInt(t))).orElse(OptionalInt.empty());
    }

    private static Optional<String> setting(String name) {
        return Optional.ofNullable(System.getProperty(name)).map(String::strip).filter(s -> !s.isEmpty());
    }
}

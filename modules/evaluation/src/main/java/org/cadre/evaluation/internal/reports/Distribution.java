package org.cadre.evaluation.internal.reports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How many subjects of one kind (members, or organizations) a run rated at each level, and how many it left out:
 * {@code excluded} (not classified this year: exempt, suspended, admitted too recently) and {@code pending} (not
 * classified yet: an input is missing). Percentages are of the classified subjects only, the base a committee's
 * statistics use, so excluded and pending subjects never dilute the shares of the levels.
 *
 * @param counts the count by level code (every level of the scale, zeros included, highest first)
 */
public record Distribution(Map<String, Long> counts, long excluded, long pending) {

    public Distribution {
        counts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(counts));
    }

    public long count(String level) {
        return counts.getOrDefault(level, 0L);
    }

    /** The subjects that received a level. */
    public long classified() {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Every subject, classified or not. */
    public long total() {
        return classified() + excluded + pending;
    }

    /** The share of the classified subjects at this level, in percent with one decimal; zero when none is classified. */
    public BigDecimal percent(String level) {
        long classified = classified();
        if (classified == 0) {
            return BigDecimal.ZERO.setScale(1);
        }
        return BigDecimal.valueOf(count(level) * 100L).divide(BigDecimal.valueOf(classified), 1,
                RoundingMode.HALF_UP);
    }

    /** A distribution being counted. */
    static final class Tally {

        private final Map<String, Long> counts = new LinkedHashMap<>();
        private long excluded;
        private long pending;

        void add(Rated rated) {
            if (rated.excluded()) {
                excluded++;
            } else if (rated.pending() || rated.level() == null) {
                pending++;
            } else {
                counts.merge(rated.level(), 1L, Long::sum);
            }
        }

        /** The counts in the order of the scale's codes (highest first); a code the scale lacks comes last. */
        Distribution in(java.util.List<String> order) {
            Map<String, Long> ordered = new LinkedHashMap<>();
            order.forEach(code -> ordered.put(code, counts.getOrDefault(code, 0L)));
            counts.forEach(ordered::putIfAbsent);
            return new Distribution(ordered, excluded, pending);
        }

        java.util.Set<String> codes() {
            return counts.keySet();
        }
    }
}

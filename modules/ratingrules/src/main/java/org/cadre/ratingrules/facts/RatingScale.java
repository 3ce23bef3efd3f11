package org.cadre.ratingrules.facts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A pack's rating scale: level codes ordered by rank (higher is better), as declared in {@code pack.yaml}.
 * A pack may bring any scale; the engine and the proposal only compare ranks.
 */
public final class RatingScale {

    private final List<String> lowestFirst;
    private final Map<String, Integer> ranks;

    /** @param ranks level code to rank; ranks must be distinct */
    public RatingScale(Map<String, Integer> ranks) {
        if (ranks.isEmpty()) {
            throw new IllegalArgumentException("A rating scale needs at least one level");
        }
        if (ranks.values().stream().distinct().count() != ranks.size()) {
            throw new IllegalArgumentException("Two levels of the scale share a rank: " + ranks);
        }
        List<String> codes = new ArrayList<>(ranks.keySet());
        codes.sort(Comparator.comparing(ranks::get));
        this.lowestFirst = List.copyOf(codes);
        this.ranks = Map.copyOf(ranks);
    }

    public static RatingScale of(List<String> lowestFirst) {
        return new RatingScale(lowestFirst.stream()
                .collect(Collectors.toMap(Function.identity(), lowestFirst::indexOf)));
    }

    public List<String> lowestFirst() {
        return lowestFirst;
    }

    public String lowest() {
        return lowestFirst.get(0);
    }

    public String highest() {
        return lowestFirst.get(lowestFirst.size() - 1);
    }

    public boolean contains(String level) {
        return ranks.containsKey(level);
    }

    public int rank(String level) {
        Integer rank = ranks.get(level);
        if (rank == null) {
            throw new IllegalArgumentException("'" + level + "' is not a level of this pack's scale " + lowestFirst);
        }
        return rank;
    }

    public boolean atLeast(String level, String threshold) {
        return level != null && rank(level) >= rank(threshold);
    }

    public String min(String a, String b) {
        return rank(a) <= rank(b) ? a : b;
    }

    public String max(String a, String b) {
        return rank(a) >= rank(b) ? a : b;
    }
}

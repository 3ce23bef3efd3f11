package org.cadre.ratingrules.testing;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.cadre.ratingrules.RatedSubjects;

/**
 * The latest classification run as a test sets it: what the evaluation module will provide once it stores its
 * facts. Tests use packs of their own year ({@link TestPacks#fresh()}), so they never see each other's subjects;
 * a year no test provided has no run.
 */
public final class TestRatedSubjects implements RatedSubjects {

    private final Map<Integer, Batch> batches = new ConcurrentHashMap<>();

    public void provide(Batch batch) {
        batches.put(batch.year(), batch);
    }

    @Override
    public Optional<Batch> latest(int yearFrom, Integer yearTo) {
        return batches.keySet().stream().filter(year -> year >= yearFrom && (yearTo == null || year <= yearTo))
                .max(Integer::compare).map(batches::get);
    }
}

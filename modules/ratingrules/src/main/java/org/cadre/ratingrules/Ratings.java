package org.cadre.ratingrules;

import java.util.List;
import java.util.Optional;

/**
 * The result of evaluating a batch of subjects with one pack version: a rating per subject and the quota cases a
 * person must calibrate. Records the pack id and version that produced it.
 */
public record Ratings(String packId, int packVersion, int year, List<SubjectRating> ratings,
        List<CalibrationCase> calibrations) {

    public Ratings {
        ratings = List.copyOf(ratings);
        calibrations = List.copyOf(calibrations);
    }

    public Optional<SubjectRating> rating(String subjectId) {
        return ratings.stream().filter(r -> r.subjectId().equals(subjectId)).findFirst();
    }
}

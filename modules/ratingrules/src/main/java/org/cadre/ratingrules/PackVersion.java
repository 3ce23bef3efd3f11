package org.cadre.ratingrules;

import java.time.Instant;
import java.util.List;

/**
 * One immutable version of a rule pack in the registry.
 *
 * @param source   how it arrived: FOLDER (the {@code rules/} folder at start-up), UPLOAD, EDIT (a file edited in the
 *                 browser or the API), PARAMETERS (the parameter form)
 * @param basedOn  the version it was edited from, or {@code null}
 * @param report   the validation report made when it was stored
 */
public record PackVersion(String packId, int version, PackState state, String nameVi, String nameEn,
        String regulation, Integer yearFrom, Integer yearTo, List<String> subjects, String checksum, String author,
        Instant createdAt, String source, Integer basedOn, boolean valid, Instant activatedAt, String activatedBy,
        ValidationReport report) {

    public PackVersion {
        subjects = subjects == null ? List.of() : List.copyOf(subjects);
    }

    public String years() {
        return yearFrom == null ? "" : yearFrom + "–" + (yearTo == null ? "" : yearTo);
    }
}

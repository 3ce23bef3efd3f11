package org.cadre.ratingrules;

/**
 * A pack in the registry: its latest version and the version that serves evaluations, if any.
 *
 * @param activeVersion {@code null} when no version is active
 */
public record PackSummary(String packId, String nameVi, String nameEn, String years, int latestVersion,
        Integer activeVersion, int versions) {
}

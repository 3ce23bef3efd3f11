package org.cadre.ratingrules;

import java.nio.file.Path;
import org.cadre.ratingrules.engine.PackValidator;
import org.cadre.ratingrules.pack.PackFiles;

/**
 * Validates a pack folder without the application running: manifest, forbidden constructs, compilation and every
 * scenario. For tests of the shipped packs ({@code ShippedPacksTests}) and for pack authors' own checks.
 */
public final class RulePackFolders {

    private RulePackFolders() {
    }

    /** Validates the pack in {@code folder} ({@code pack.yaml}, DRL, decision tables, {@code scenarios/}). */
    public static ValidationReport validate(Path folder) {
        PackValidator.Validation validation = new PackValidator().validate(PackFiles.fromFolder(folder));
        if (validation.pack() != null) {
            validation.pack().close();
        }
        return validation.report();
    }
}

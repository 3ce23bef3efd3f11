package org.cadre.ratingrules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.cadre.ratingrules.engine.PackValidator;
import org.cadre.ratingrules.pack.PackFiles;

/**
 * The packs that ship in the project's {@code rules/}, for the tests that check each of them. A test that cannot
 * find the folder fails (it would otherwise pass having checked nothing).
 */
public final class ShippedPacks {

    private ShippedPacks() {
    }

    /**
     * {@code rules/} of the project: module tests run in {@code modules/ratingrules/}, so it is {@code ../../rules}.
     * The system property {@code cadre.rating-rules.folder} points elsewhere (a pack author's copy).
     */
    public static Path folder() {
        String configured = System.getProperty("cadre.rating-rules.folder");
        Path folder = configured != null && !configured.isBlank() ? Path.of(configured) : Path.of("..", "..", "rules");
        if (!Files.isDirectory(folder)) {
            throw new IllegalStateException("The shipped rule packs were not found in " + folder.toAbsolutePath()
                    + ": run the tests from modules/ratingrules (Maven does) or set -Dcadre.rating-rules.folder");
        }
        return folder;
    }

    /** Every pack folder of {@code rules/} (a folder with a {@code pack.yaml}); fails when there is none. */
    public static List<Path> all() {
        try (Stream<Path> folders = Files.list(folder())) {
            List<Path> packs = folders.filter(f -> Files.isRegularFile(f.resolve("pack.yaml"))).sorted().toList();
            if (packs.isEmpty()) {
                throw new IllegalStateException("No rule pack (a folder with pack.yaml) in " + folder().toAbsolutePath());
            }
            return packs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Validates a pack folder without the application: manifest, forbidden constructs, compilation, scenarios. */
    public static ValidationReport validate(Path folder) {
        PackValidator.Validation validation = new PackValidator().validate(PackFiles.fromFolder(folder));
        if (validation.pack() != null) {
            validation.pack().close();
        }
        return validation.report();
    }
}

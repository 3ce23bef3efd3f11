package org.cadre.ratingrules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.cadre.ratingrules.pack.ManifestReader;
import org.cadre.ratingrules.pack.PackFiles;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * At start-up every pack of {@code rules/} (or {@code cadre.rating-rules.folder}) is stored in the registry and,
 * being valid, serves its years: the application started for the tests did exactly that.
 */
@RatingRulesModuleTest
class StartupLoadingTests {

    @Autowired
    RatingRules rules;
    @Autowired
    RulePackRegistry registry;

    @Test
    void everyShippedPackIsStoredAndActive() throws Exception {
        for (Path folder : ShippedPacks.all()) {
            ManifestReader.Result read = ManifestReader.read(PackFiles.fromFolder(folder));
            assertThat(read.ok()).as("%s", folder).isTrue();
            PackVersion stored = registry.version(read.manifest().id(), read.manifest().version());
            assertThat(stored.source()).isEqualTo("FOLDER");
            assertThat(stored.author()).isEqualTo("rules/");
            assertThat(registry.versions(read.manifest().id())).as("a version of %s serves", folder)
                    .anyMatch(v -> v.state() == PackState.ACTIVE);
            int year = read.manifest().yearFrom();
            read.manifest().subjects().forEach(subject -> assertThat(rules.activeFor(year, subject))
                    .as("%s serves %s in %d", folder, subject, year).isPresent());
        }
    }
}

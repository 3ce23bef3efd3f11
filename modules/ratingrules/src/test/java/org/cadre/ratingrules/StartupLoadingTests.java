package org.cadre.ratingrules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.cadre.ratingrules.pack.ManifestReader;
import org.cadre.ratingrules.pack.PackFiles;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * At start-up every pack of {@code cadre.rating-rules.folder} ({@code rules/} by default) is stored in the registry
 * and, being valid, serves its years: the module started for the tests did exactly that with its own folder
 * ({@code src/test/resources/startup-packs}); the application's tests start with the shipped packs.
 */
@RatingRulesModuleTest
class StartupLoadingTests {

    @Autowired
    RatingRules rules;
    @Autowired
    RulePackRegistry registry;
    @Value("${cadre.rating-rules.folder}")
    Path packs;

    @Test
    void everyPackOfTheFolderIsStoredAndActive() throws Exception {
        List<Path> folders;
        try (Stream<Path> children = Files.list(packs)) {
            folders = children.filter(folder -> Files.exists(folder.resolve("pack.yaml"))).toList();
        }
        assertThat(folders).as("packs in %s", packs.toAbsolutePath()).isNotEmpty();
        for (Path folder : folders) {
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

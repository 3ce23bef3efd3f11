package org.cadre.ratingrules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every pack that ships in {@code rules/} is valid: its manifest reads, its DRL passes the forbidden-construct
 * check and compiles, and every scenario passes. One dynamic test per pack folder; none when {@code rules/} holds
 * no pack. Runs without Spring (a pack author can run it alone:
 * {@code ./mvnw -B -o verify -pl app -am -Dtest=ShippedPacksTests -Dsurefire.failIfNoSpecifiedTests=false}).
 */
class ShippedPacksTests {

    @TestFactory
    Stream<DynamicTest> everyShippedPackIsValid() throws IOException {
        return packFolders(rulesFolder()).stream().map(folder -> DynamicTest.dynamicTest(
                folder.getFileName().toString(), () -> {
                    ValidationReport report = RulePackFolders.validate(folder);
                    assertThat(report.valid()).as("%s:%n%s", folder, report.summary()).isTrue();
                    assertThat(report.packId()).as("the folder is named after the pack id")
                            .isEqualTo(folder.getFileName().toString());
                }));
    }

    /**
     * {@code rules/} of the project: tests run in {@code app/}, so it is {@code ../rules}. The system property
     * {@code cadre.rating-rules.folder} points elsewhere (for example a pack author's copy).
     */
    static Path rulesFolder() {
        String configured = System.getProperty("cadre.rating-rules.folder");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        for (Path candidate : List.of(Path.of("rules"), Path.of("..", "rules"))) {
            if (Files.isDirectory(candidate) && Files.exists(candidate.resolveSibling("pom.xml"))
                    && Files.isDirectory(candidate.resolveSibling("modules"))) {
                return candidate;
            }
        }
        return Path.of("..", "rules");
    }

    static List<Path> packFolders(Path rules) throws IOException {
        if (!Files.isDirectory(rules)) {
            return List.of();
        }
        try (Stream<Path> folders = Files.list(rules)) {
            return folders.filter(f -> Files.isRegularFile(f.resolve("pack.yaml"))).sorted().toList();
        }
    }
}

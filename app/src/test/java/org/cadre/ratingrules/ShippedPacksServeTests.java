package org.cadre.ratingrules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.cadre.ratingrules.facts.Proposal;
import org.cadre.support.CadreTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The application starts with the rule packs it ships: every folder of {@code rules/} is stored from the folder,
 * active, and serves its first year for each of its subjects. (The rating rules module's own tests start with a
 * test folder; this is where the real packs go through the start-up loading.)
 */
@CadreTest
class ShippedPacksServeTests {

    private static final Pattern ID = Pattern.compile("(?m)^id:\\s*(\\S+)\\s*$");

    @Autowired
    RulePackRegistry registry;
    @Autowired
    RatingRules rules;

    @Test
    void everyShippedPackIsActiveAndServesItsYears() throws IOException {
        List<Path> folders;
        try (Stream<Path> children = Files.list(Path.of("..", "rules"))) {
            folders = children.filter(folder -> Files.exists(folder.resolve("pack.yaml"))).toList();
        }
        assertThat(folders).as("the packs of ../rules").isNotEmpty();
        for (Path folder : folders) {
            Matcher id = ID.matcher(Files.readString(folder.resolve("pack.yaml")));
            assertThat(id.find()).as("an id in %s", folder).isTrue();
            PackVersion active = registry.versions(id.group(1)).stream()
                    .filter(version -> version.state() == PackState.ACTIVE).findFirst().orElse(null);
            assertThat(active).as("an active version of %s", folder).isNotNull();
            assertThat(active.source()).isEqualTo("FOLDER");
            for (String subject : active.subjects()) {
                assertThat(rules.activeFor(active.yearFrom(), Proposal.Subject.valueOf(subject)))
                        .as("%s serves %s in %d", folder, subject, active.yearFrom())
                        .hasValueSatisfying(serving -> assertThat(serving.packId()).isEqualTo(id.group(1)));
            }
        }
    }
}

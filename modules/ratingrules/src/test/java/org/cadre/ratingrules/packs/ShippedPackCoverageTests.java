package org.cadre.ratingrules.packs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.drools.decisiontable.InputType;
import org.drools.decisiontable.SpreadsheetCompiler;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The shipped packs keep the promise of issue 4: every rule has a scenario where it fires (its id among the expected
 * reasons) and one where it does not (its id among the absent reasons), every quota has a scenario that raises a
 * calibration case, and scenarios name only rules that exist. {@code ShippedPacksTests} proves that the scenarios
 * pass; this test proves that they cover every rule (in DRL files and in XLSX decision tables).
 */
@Execution(ExecutionMode.CONCURRENT)
class ShippedPackCoverageTests {

    private static final Pattern RULE_ID = Pattern.compile("@id\\(\\s*\"([^\"]+)\"\\s*\\)");
    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    @TestFactory
    Stream<DynamicTest> everyRuleHasAScenarioWhereItFiresAndOneWhereItDoesNot() throws IOException {
        return packFolders().stream().map(pack -> DynamicTest.dynamicTest(pack.getFileName().toString(), () -> {
            Set<String> ruleIds = ruleIds(pack);
            Set<String> fires = new TreeSet<>();
            Set<String> doesNotFire = new TreeSet<>();
            Set<String> calibrated = new TreeSet<>();
            for (Path scenario : files(pack.resolve("scenarios"), ".yaml")) {
                JsonNode root = YAML.readTree(Files.readString(scenario, StandardCharsets.UTF_8));
                for (JsonNode expectation : root.path("expect")) {
                    expectation.path("reasons").forEach(id -> fires.add(id.asString()));
                    expectation.path("absentReasons").forEach(id -> doesNotFire.add(id.asString()));
                }
                root.path("calibrations").forEach(c -> calibrated.add(c.path("quota").asString()));
            }
            Set<String> quotaIds = new TreeSet<>();
            YAML.readTree(Files.readString(pack.resolve("pack.yaml"), StandardCharsets.UTF_8)).path("quotas")
                    .forEach(q -> quotaIds.add(q.path("id").asString()));

            assertThat(ruleIds).as("%s has rules", pack).isNotEmpty();
            assertThat(fires).as("%s: rules with a scenario where they fire", pack).containsAll(ruleIds);
            assertThat(doesNotFire).as("%s: rules with a scenario where they do not fire", pack).containsAll(ruleIds);
            assertThat(calibrated).as("%s: quotas with a scenario that raises a calibration case", pack)
                    .containsAll(quotaIds);
            Set<String> named = new TreeSet<>(fires);
            named.addAll(doesNotFire);
            // what the engine itself decides (an organization waiting for its members) is named by a lower-case code
            named.removeIf(id -> id.equals(id.toLowerCase(java.util.Locale.ROOT)));
            assertThat(ruleIds).as("%s: every rule id a scenario names exists (a typo passes silently otherwise)", pack)
                    .containsAll(named);
        }));
    }

    static Set<String> ruleIds(Path pack) throws IOException {
        Set<String> ids = new TreeSet<>();
        List<String> sources = new ArrayList<>();
        for (Path drl : files(pack, ".drl")) {
            sources.add(Files.readString(drl, StandardCharsets.UTF_8));
        }
        for (Path table : files(pack, ".xlsx")) {
            try (InputStream in = Files.newInputStream(table)) {
                sources.add(new SpreadsheetCompiler().compile(in, InputType.XLS));
            }
        }
        for (String source : sources) {
            Matcher m = RULE_ID.matcher(source);
            while (m.find()) {
                ids.add(m.group(1));
            }
        }
        return ids;
    }

    static List<Path> files(Path folder, String suffix) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(f -> f.getFileName().toString().endsWith(suffix)).sorted().toList();
        }
    }

    static List<Path> packFolders() {
        return org.cadre.ratingrules.ShippedPacks.all();
    }
}

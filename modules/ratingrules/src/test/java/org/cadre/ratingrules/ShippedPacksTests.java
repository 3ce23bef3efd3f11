package org.cadre.ratingrules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Every pack that ships in {@code rules/} is valid: its manifest reads, its DRL passes the forbidden-construct
 * check and compiles, and every scenario passes. One dynamic test per pack folder; the test fails when it finds no
 * pack at all. Runs without Spring (a pack author can run it alone:
 * {@code ./mvnw -B -o verify -pl modules/ratingrules -am -Dtest=ShippedPacksTests -Dsurefire.failIfNoSpecifiedTests=false}).
 */
@Execution(ExecutionMode.CONCURRENT)
class ShippedPacksTests {

    @TestFactory
    Stream<DynamicTest> everyShippedPackIsValid() {
        return ShippedPacks.all().stream().map(folder -> DynamicTest.dynamicTest(
                folder.getFileName().toString(), () -> {
                    ValidationReport report = ShippedPacks.validate(folder);
                    assertThat(report.valid()).as("%s:%n%s", folder, report.summary()).isTrue();
                    assertThat(report.packId()).as("the folder is named after the pack id")
                            .isEqualTo(folder.getFileName().toString());
                }));
    }

    /**
     * What a member reads (a rule's criterion and article, and the notes its reasons carry) holds no research mark:
     * no source tag, and no "inferred", "not found", "unconfirmed", "assumed"; those stay in comments and in the
     * parameter notes the committee reads.
     */
    @TestFactory
    Stream<DynamicTest> noResearchMarkReachesAMember() {
        java.util.regex.Pattern marks = java.util.regex.Pattern.compile(
                "\\[(Q|S|I|NF)\\b|suy luận|chưa tìm thấy|chưa xác nhận|giả định|văn bản bị cắt|\\binferred\\b",
                java.util.regex.Pattern.CASE_INSENSITIVE | java.util.regex.Pattern.UNICODE_CASE);
        return ShippedPacks.all().stream().map(folder -> DynamicTest.dynamicTest(
                folder.getFileName().toString(), () -> {
                    org.cadre.ratingrules.engine.PackValidator.Validation loaded =
                            new org.cadre.ratingrules.engine.PackValidator().load(
                                    org.cadre.ratingrules.pack.PackFiles.fromFolder(folder));
                    try (var pack = loaded.pack()) {
                        assertThat(pack.rules()).isNotEmpty().allSatisfy(rule -> {
                            assertThat(rule.criterion()).as(rule.name()).doesNotContainPattern(marks);
                            assertThat(rule.article()).as(rule.name()).doesNotContainPattern(marks);
                        });
                    }
                    for (java.nio.file.Path drl : java.nio.file.Files.newDirectoryStream(folder, "*.drl")) {
                        String text = java.nio.file.Files.readString(drl);
                        java.util.regex.Matcher note = java.util.regex.Pattern.compile(
                                "\\$p\\.(?:qualify|limit|exclude|pend|note)\\((?:[^;]|\n)*?;").matcher(text);
                        while (note.find()) {
                            assertThat(note.group()).as("a reason written in %s", drl.getFileName())
                                    .doesNotContainPattern(marks);
                        }
                    }
                }));
    }
}

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
}

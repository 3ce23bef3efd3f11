package org.cadre.ratingrules.facts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cadre.ratingrules.PackProblem;
import org.cadre.ratingrules.pack.ManifestReader;
import org.cadre.ratingrules.pack.PackFiles;
import org.cadre.ratingrules.pack.ParameterValues;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Shares as a committee writes them: exact fractions and percentages, and what is refused. */
@Execution(ExecutionMode.CONCURRENT)
class ShareTests {

    @Test
    void aFractionIsExactWhereADecimalWouldRound() {
        Share third = Share.parse("1/3").orElseThrow();
        assertThat(third.exceededBy(3, 9)).as("3 of 9 is exactly a third, not more").isFalse();
        assertThat(third.exceededBy(4, 9)).isTrue();
        assertThat(third.reachedBy(3, 9)).isTrue();
        assertThat(third.reachedBy(2, 9)).isFalse();
        assertThat(third.of(9)).isEqualTo(3);
        assertThat(third.of(10)).isEqualTo(3);
        assertThat(Share.parse("0.33").orElseThrow().exceededBy(3, 9)).as("the rounded decimal misrates it").isTrue();
    }

    @Test
    void percentagesFractionsAndDecimalsNameTheSameShare() {
        assertThat(Share.parse("20%")).contains(Share.parse("1/5").orElseThrow());
        assertThat(Share.parse("0.2")).contains(Share.parse("1/5").orElseThrow());
        assertThat(Share.parse("0,2")).contains(Share.parse("1/5").orElseThrow());
        assertThat(Share.parse(" 33,5 % ").orElseThrow().of(200)).isEqualTo(67);
        assertThat(Share.parse("20%").orElseThrow().of(14)).as("a quota rounds down").isEqualTo(2);
        assertThat(Share.parse("1/3").orElseThrow().toString()).isEqualTo("1/3");
        assertThat(Share.parse("1/3").orElseThrow().exactPercent()).as("one third has no exact percentage").isEmpty();
        assertThat(Share.parse("1/5").orElseThrow().exactPercent())
                .hasValueSatisfying(p -> assertThat(p).isEqualByComparingTo("20"));
        assertThat(Share.parse("33,5%").orElseThrow().exactPercent())
                .hasValueSatisfying(p -> assertThat(p).isEqualByComparingTo("33.5"));
        assertThat(Share.parse("100%").orElseThrow().reachedBy(0, 0)).as("nothing to count reaches any share")
                .isTrue();
        assertThat(Share.parse("20%").orElseThrow().exceededBy(0, 0)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"150%", "4/3", "1.2", "1/0", "-0.1"})
    void aShareOutsideTheWholeIsRefusedByName(String written) {
        assertThat(Share.parse(written)).isEmpty();
        List<PackProblem> problems = problems(written);
        assertThat(problems).extracting(PackProblem::code).containsAnyOf("parameter-share-range", "parameter-share");
        assertThat(problems).allSatisfy(p -> assertThat(p.location()).isEqualTo("limit"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"một phần ba", "1//3", "20 phần trăm", "%20", "0x1"})
    void textThatIsNoShareIsRefusedSayingHowToWriteOne(String written) {
        assertThat(Share.parse(written)).isEmpty();
        assertThat(problems(written)).extracting(PackProblem::code).containsExactly("parameter-share");
        assertThat(problems(written).get(0).message()).contains("1/3", "20%");
    }

    @Test
    void aShareParameterInPackYamlIsCheckedWhenThePackIsRead() {
        ManifestReader.Result read = ManifestReader.read(PackFiles.ofText(Map.of("pack.yaml",
                manifest("\"4/3\""))));
        assertThat(read.ok()).isFalse();
        assertThat(read.problems()).extracting(PackProblem::describe)
                .anySatisfy(d -> assertThat(d).contains("parameters[0].default", "4/3"));
    }

    private static List<PackProblem> problems(String written) {
        ManifestReader.Result read = ManifestReader.read(PackFiles.ofText(Map.of("pack.yaml", manifest("\"1/3\""))));
        assertThat(read.ok()).as(read.problems().toString()).isTrue();
        List<PackProblem> problems = new ArrayList<>();
        ParameterValues.apply(read.manifest(), Map.of("limit", written), "parameters.yaml", problems);
        return problems;
    }

    private static String manifest(String share) {
        return """
                id: share-test
                version: 1
                factsContract: 1
                name: { vi: "Tỷ lệ", en: "Shares" }
                regulation: { number: "TEST" }
                years: { from: 2020 }
                subjects: [MEMBER]
                scale:
                  - { code: PASS, rank: 2, label: { vi: "Đạt", en: "Pass" } }
                  - { code: FAIL, rank: 1, label: { vi: "Không đạt", en: "Fail" } }
                parameters:
                  - { name: limit, type: share, default: %s, label: { vi: "Tỷ lệ", en: "Share" }, article: "TEST" }
                """.formatted(share);
    }
}

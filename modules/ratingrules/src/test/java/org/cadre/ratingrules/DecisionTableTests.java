package org.cadre.ratingrules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.cadre.ratingrules.engine.PackValidator;
import org.cadre.ratingrules.facts.MemberFacts;
import org.cadre.ratingrules.facts.Proposal;
import org.cadre.ratingrules.pack.PackFiles;
import org.cadre.ratingrules.testing.TestPacks.TestPack;
import org.cadre.ratingrules.testing.TestPacks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/** XLSX decision tables: compiled with the pack, refused without a hit policy or with overlapping rows. */
@Execution(ExecutionMode.CONCURRENT)
class DecisionTableTests {

    @Test
    void aDecisionTableRatesLikeDrl() throws IOException {
        PackFiles files = TestPacks.twoLevel().with("attendance.xlsx", table(true, 8, 6, 8));
        PackValidator.Validation validation = new PackValidator().validate(files);
        assertThat(validation.report().valid()).as(validation.report().summary()).isTrue();
        try (var pack = validation.pack()) {
            MemberFacts member = TestPacks.member("m1", 10, 9, "POOR");
            Ratings evaluation = pack.evaluateBatch(2024, validation.parameters(), Proposal.Subject.MEMBER,
                    List.of(member));
            SubjectRating rating = evaluation.rating("m1").orElseThrow();
            assertThat(rating.level()).as("%s %s", pack.rules(), rating).isEqualTo("PASS");
            assertThat(rating.reasons()).anySatisfy(r -> {
                assertThat(r.ruleId()).isEqualTo("T-DT-8");
                assertThat(r.article()).isEqualTo("TEST-01, 6");
            });
        }
    }

    @Test
    void overlappingRowsAreAnErrorNamingBothRows() throws IOException {
        ValidationReport report = BadPackInputTests.validate(
                TestPacks.twoLevel().with("attendance.xlsx", table(true, 8, 6, 10)));
        assertThat(report.problems()).extracting(PackProblem::describe).contains(
                "attendance.xlsx:11: sheet 'Rules', RuleTable Attendance: rows 10 and 11 can match the same input: "
                        + "give them conditions that exclude each other");
    }

    @Test
    void aTableWithoutHitPolicyIsRefused() throws IOException {
        ValidationReport report = BadPackInputTests.validate(
                TestPacks.twoLevel().with("attendance.xlsx", table(false, 8, 6, 8)));
        assertThat(report.problems()).anySatisfy(p -> assertThat(p.code()).isEqualTo("table-hit-policy"));
    }

    /**
     * A RuleSet with one RuleTable of two rows (Excel rows 10 and 11) that qualify for PASS: attended at least
     * {@code first} meetings; attended at least {@code second} and fewer than {@code below}. The rows overlap when
     * {@code below > first}.
     */
    static byte[] table(boolean sequential, int first, int second, int below) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("Rules");
            row(sheet, 0, "RuleSet", "rules.test.twolevel");
            row(sheet, 1, "Import", "org.cadre.ratingrules.facts.*");
            if (sequential) {
                row(sheet, 2, "Sequential", "true");
            }
            row(sheet, 4, "RuleTable Attendance");
            row(sheet, 5, "NAME", "METADATA", "METADATA", "METADATA", "CONDITION", "CONDITION", "CONDITION", "ACTION");
            row(sheet, 6, "", "", "", "", "$m : MemberFacts", "", "$p : Proposal", "");
            sheet.addMergedRegion(new org.apache.poi.ss.util.CellRangeAddress(6, 6, 4, 5));
            row(sheet, 7, "", "id(\"$param\")", "criterion(\"$param\")", "article(\"$param\")",
                    "meetingsAttended >= $param", "meetingsAttended < $param", "subjectId == $m.subjectId && $param",
                    "$p.qualify(\"$param\");");
            row(sheet, 8, "Rule", "Id", "Criterion", "Article", "Attended at least", "Attended fewer than", "Applies", "Level");
            row(sheet, 9, "Attended " + first, "T-DT-" + first, "Dự họp", "TEST-01, 6", String.valueOf(first), "",
                    "true", "PASS");
            row(sheet, 10, "Attended " + second + " (b)", "T-DT-" + second + "b", "Dự họp", "TEST-01, 6",
                    String.valueOf(second), String.valueOf(below), "true", "PASS");
            workbook.write(out);
            return out.toByteArray();
        }
    }

    private static void row(Sheet sheet, int index, String... values) {
        Row row = sheet.createRow(index);
        for (int i = 0; i < values.length; i++) {
            row.createCell(i).setCellValue(values[i]);
        }
    }
}

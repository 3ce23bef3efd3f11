package org.cadre.organizations.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The CSV writer (the templates' CSV) neutralises text a spreadsheet program would run as a formula: a cell starting
 * with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return is written after a single quote, which
 * Excel and LibreOffice show as text. Numbers stay numbers.
 */
class CsvFormulaTests {

    @Test
    void formulaLikeTextIsWrittenAfterAQuoteAndNumbersAreNot() {
        byte[] csv = Spreadsheets.csv(List.of("=Tiêu đề", "Tên", "Số"), List.of(
                Arrays.asList("=HYPERLINK(\"http://x.invalid\",\"Bấm\")", "@SUM(A1)", -5),
                Arrays.asList("+84912345", "-2+3", 7),
                Arrays.asList("\tx", "Nguyễn Văn An", null)));
        String[] lines = new String(csv, StandardCharsets.UTF_8).replace("\uFEFF", "").split("\r\n");
        assertThat(lines).containsExactly(
                "'=Tiêu đề,Tên,Số",
                "\"'=HYPERLINK(\"\"http://x.invalid\"\",\"\"Bấm\"\")\",'@SUM(A1),-5",
                "'+84912345,'-2+3,7",
                "'\tx,Nguyễn Văn An,");
    }
}

package org.cadre.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * What a spreadsheet program does with an exported workbook: text that a user typed starting with {@code =},
 * {@code +}, {@code -} or {@code @} must arrive as text (a string cell), never as a formula that runs when the file
 * is opened.
 */
public final class ExportedCells {

    /** Text as a user might type it to attack whoever opens the export. */
    public static final List<String> FORMULA_LIKE = List.of("=HYPERLINK(\"http://x.invalid\",\"Bấm\")", "+84912345",
            "-2+3", "@SUM(A1:A2)");

    private ExportedCells() {
    }

    /** Every given text is somewhere in the workbook as a string cell, and the workbook holds no formula at all. */
    public static void assertTextStaysText(byte[] xlsx, String... texts) {
        List<Cell> cells = cells(xlsx);
        assertThat(cells).as("formula cells in the export").noneMatch(c -> c.getCellType() == CellType.FORMULA);
        for (String text : texts) {
            assertThat(cells).as("a string cell holding %s", text).anyMatch(c -> c.getCellType() == CellType.STRING
                    && c.getStringCellValue().strip().equals(text));
        }
    }

    private static List<Cell> cells(byte[] xlsx) {
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            List<Cell> cells = new ArrayList<>();
            for (Sheet sheet : workbook) {
                for (Row row : sheet) {
                    row.forEach(cells::add);
                }
            }
            return cells;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

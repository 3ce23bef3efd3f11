package org.cadre.evaluation.internal.inputs;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Reads the first sheet of an .xlsx as rows of text, with the protections of the organizations import: a size cap
 * before anything is parsed, POI's zip-bomb guards tightened (a small file that inflates to gigabytes is refused),
 * a cap on what one entry may inflate to (it bounds the heap an upload can take), a row cap, and formulas read as
 * the value Excel last computed, never evaluated (a formula without a stored value, or with an error, is refused).
 */
final class Workbooks {

    /** Largest file accepted, in bytes (below the platform's multipart limit, so the refusal is ours). */
    static final int MAX_BYTES = 5 * 1024 * 1024;

    /** Most data rows in one file: far more than the bloc's members. */
    static final int MAX_ROWS = 20_000;

    static {
        ZipSecureFile.setMinInflateRatio(0.01);
        ZipSecureFile.setMaxEntrySize(24L * 1024 * 1024);
        ZipSecureFile.setMaxTextSize(10L * 1024 * 1024);
    }

    private Workbooks() {
    }

    /** The file cannot be read; {@code reason} is a key suffix of {@code evaluation.inputs.file.*}. */
    static final class Unreadable extends Exception {
        private static final long serialVersionUID = 1L;
        final String reason;
        final transient List<String> arguments;

        Unreadable(String reason, List<String> arguments, Throwable cause) {
            super(reason, cause);
            this.reason = reason;
            this.arguments = List.copyOf(arguments);
        }
    }

    /** The row cap was passed: more than {@link #MAX_ROWS} data rows. */
    static final class TooManyRows extends Exception {
        private static final long serialVersionUID = 1L;
    }

    static List<List<String>> read(byte[] content) throws Unreadable, TooManyRows {
        if (content == null || content.length == 0) {
            throw new Unreadable("empty", List.of(), null);
        }
        if (content.length > MAX_BYTES) {
            throw new Unreadable("too-large", List.of(String.valueOf(MAX_BYTES / 1024 / 1024)), null);
        }
        if (content.length < 4 || content[0] != 'P' || content[1] != 'K') {
            throw new Unreadable("not-xlsx", List.of(), null);
        }
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(content))) {
            Sheet sheet = workbook.getSheetAt(0);
            if (sheet.getLastRowNum() > MAX_ROWS + 1) {
                throw new TooManyRows();
            }
            DataFormatter formatter = new DataFormatter(Locale.ROOT);
            formatter.setUseCachedValuesForFormulaCells(true);
            List<List<String>> rows = new ArrayList<>();
            for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                List<String> cells = new ArrayList<>();
                if (row != null) {
                    for (int c = 0; c < Math.min(Math.max(0, row.getLastCellNum()), 50); c++) {
                        cells.add(text(row.getCell(c), formatter));
                    }
                }
                rows.add(cells);
            }
            return rows;
        } catch (IOException | RuntimeException e) {
            throw new Unreadable("unreadable", List.of(), e);
        }
    }

    private static String text(Cell cell, DataFormatter formatter) throws Unreadable {
        if (cell == null) {
            return "";
        }
        if (cell.getCellType() == CellType.FORMULA) {
            boolean computed = !(cell instanceof XSSFCell xssf) || xssf.getCTCell().isSetV();
            if (!computed || cell.getCachedFormulaResultType() == CellType.ERROR) {
                throw new Unreadable("formula", List.of(cell.getAddress().formatAsString()), null);
            }
        }
        return formatter.formatCellValue(cell).strip();
    }

    /** Sheets with a bold heading row, streamed (SXSSF) so a template of the whole bloc stays small in memory. */
    static byte[] write(List<SheetData> sheets) {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            CellStyle text = workbook.createCellStyle();
            text.setDataFormat(workbook.createDataFormat().getFormat("@"));
            for (SheetData data : sheets) {
                Sheet sheet = workbook.createSheet(data.name());
                Row heading = sheet.createRow(0);
                for (int c = 0; c < data.headings().size(); c++) {
                    Cell cell = heading.createCell(c);
                    cell.setCellValue(data.headings().get(c));
                    cell.setCellStyle(bold);
                    sheet.setColumnWidth(c, (c == 1 ? 32 : 22) * 256);
                    // card numbers keep their leading zeros when typed into the template
                    sheet.setDefaultColumnStyle(c, text);
                }
                int r = 1;
                for (List<String> values : data.rows()) {
                    Row row = sheet.createRow(r++);
                    for (int c = 0; c < values.size(); c++) {
                        if (values.get(c) != null) {
                            Cell cell = row.createCell(c);
                            cell.setCellValue(values.get(c));
                            cell.setCellStyle(text);
                        }
                    }
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record SheetData(String name, List<String> headings, List<List<String>> rows) {
    }
}

package org.cadre.organizations.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.cadre.organizations.Imports;

/**
 * Reads .xlsx (Apache POI, with its zip-bomb guards tightened) and CSV (RFC 4180: quoted fields, doubled quotes,
 * line breaks inside quotes; comma or semicolon; UTF-8 with or without BOM) into rows of text as written
 * (the text policy cleans them: {@link ImportService}), and writes .xlsx.
 */
final class Spreadsheets {

    static final DateTimeFormatter VIETNAMESE_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    static {
        // a small file that inflates to gigabytes is refused before it is read
        ZipSecureFile.setMinInflateRatio(0.01);
        // a legitimate sheet of the row cap (20,000 rows) inflates to about 10 MB; the whole workbook is read into
        // memory, so the cap on what one entry may inflate to is what bounds the heap an upload can take
        ZipSecureFile.setMaxEntrySize(24L * 1024 * 1024);
        ZipSecureFile.setMaxTextSize(10L * 1024 * 1024);
    }

    private Spreadsheets() {
    }

    /**
     * The file could not be read as a spreadsheet; the reason is a message key suffix, with the row (as the
     * spreadsheet numbers it, 0 for the whole file) and the arguments of its message.
     */
    static final class Unreadable extends Exception {
        private static final long serialVersionUID = 1L;
        final String reason;
        final int row;
        final transient List<String> arguments;

        Unreadable(String reason, Throwable cause) {
            this(reason, 0, List.of(), cause);
        }

        Unreadable(String reason, int row, List<String> arguments, Throwable cause) {
            super(reason, cause);
            this.reason = reason;
            this.row = row;
            this.arguments = List.copyOf(arguments);
        }
    }

    static boolean isXlsx(String filename, byte[] content) {
        boolean zip = content.length > 4 && content[0] == 'P' && content[1] == 'K';
        return zip || (filename != null && filename.toLowerCase(Locale.ROOT).endsWith(".xlsx"));
    }

    static List<List<String>> read(String filename, byte[] content) throws Unreadable {
        return isXlsx(filename, content) ? readXlsx(content) : readCsv(content);
    }

    private static List<List<String>> readXlsx(byte[] content) throws Unreadable {
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(content))) {
            Sheet sheet = workbook.getSheetAt(0);
            DataFormatter formatter = new DataFormatter(Locale.ROOT);
            // a formula cell is read as the value Excel last computed for it, never as the formula's text
            formatter.setUseCachedValuesForFormulaCells(true);
            List<List<String>> rows = new ArrayList<>();
            for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                List<String> cells = new ArrayList<>();
                if (row != null) {
                    for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
                        cells.add(text(row.getCell(c), formatter));
                    }
                }
                rows.add(cells);
                if (rows.size() > Imports.MAX_ROWS + 1) {
                    break;
                }
            }
            return rows;
        } catch (IOException | RuntimeException e) {
            throw new Unreadable("file-unreadable", e);
        }
    }

    private static String text(Cell cell, DataFormatter formatter) throws Unreadable {
        if (cell == null) {
            return "";
        }
        if (cell.getCellType() == CellType.FORMULA) {
            // a workbook written by a program that does not compute formulas holds none: nothing to import
            boolean computed = !(cell instanceof XSSFCell xssf) || xssf.getCTCell().isSetV();
            if (!computed || cell.getCachedFormulaResultType() == CellType.ERROR) {
                throw new Unreadable(computed ? "formula-error" : "formula-without-value", cell.getRowIndex() + 1,
                        List.of(cell.getAddress().formatAsString()), null);
            }
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType()
                : cell.getCellType();
        if (type == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
            return cell.getLocalDateTimeCellValue().toLocalDate().format(VIETNAMESE_DATE);
        }
        return formatter.formatCellValue(cell);
    }

    private static List<List<String>> readCsv(byte[] content) throws Unreadable {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            throw new Unreadable("file-encoding", e);
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        int firstLine = text.indexOf('\n');
        String heading = firstLine < 0 ? text : text.substring(0, firstLine);
        char delimiter = count(heading, ';') > count(heading, ',') ? ';' : ',';
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.length() == 0) {
                quoted = true;
                any = true;
            } else if (c == delimiter) {
                row.add(field.toString());
                field.setLength(0);
                any = true;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                any = false;
                if (rows.size() > Imports.MAX_ROWS + 1) {
                    return rows;
                }
            } else {
                field.append(c);
                any = true;
            }
        }
        if (quoted) {
            throw new Unreadable("file-unclosed-quote", null);
        }
        if (any || field.length() > 0) {
            row.add(field.toString());
            rows.add(row);
        }
        return rows;
    }

    /**
     * Text that a spreadsheet program would run as a formula (starting with =, +, -, @, a tab or a carriage return)
     * is written after a single quote, which shows it as text (OWASP's advice for CSV injection).
     */
    static String neutralised(String text) {
        return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }

    private static int count(String text, char c) {
        return (int) text.chars().filter(x -> x == c).count();
    }

    /** Writes one sheet with a bold heading row; streams rows (SXSSF), so large exports stay small in memory. */
    static byte[] xlsx(String sheetName, List<String> headings, Iterable<List<Object>> rows) {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
            Sheet sheet = workbook.createSheet(sheetName);
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            Row heading = sheet.createRow(0);
            for (int c = 0; c < headings.size(); c++) {
                Cell cell = heading.createCell(c);
                cell.setCellValue(headings.get(c));
                cell.setCellStyle(bold);
                sheet.setColumnWidth(c, 22 * 256);
            }
            int r = 1;
            for (List<Object> values : rows) {
                Row row = sheet.createRow(r++);
                for (int c = 0; c < values.size(); c++) {
                    Object value = values.get(c);
                    if (value == null) {
                        continue;
                    }
                    Cell cell = row.createCell(c);
                    if (value instanceof Number n) {
                        cell.setCellValue(n.doubleValue());
                    } else if (value instanceof LocalDate d) {
                        cell.setCellValue(d.format(VIETNAMESE_DATE));
                    } else {
                        cell.setCellValue(value.toString());
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

    static byte[] csv(List<String> headings, List<List<Object>> rows) {
        StringBuilder out = new StringBuilder("\uFEFF");
        line(out, new ArrayList<>(headings));
        for (List<Object> row : rows) {
            line(out, row);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void line(StringBuilder out, List<?> values) {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            Object value = values.get(i);
            String text = value == null ? "" : value instanceof LocalDate d ? d.format(VIETNAMESE_DATE)
                    : value instanceof Number ? value.toString() : neutralised(value.toString());
            if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
                out.append('"').append(text.replace("\"", "\"\"")).append('"');
            } else {
                out.append(text);
            }
        }
        out.append("\r\n");
    }
}

package org.cadre.commitments.web;

import java.time.LocalDate;
import java.util.Locale;
import java.util.function.BiFunction;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * The layout of a party document in a worksheet (the heading block of Hướng dẫn 36-HD/VPTW on the format of party
 * documents): at the top left the issuing organization under the committee above it, with a star below; at the top
 * right the party's name and the place and date line; the title in capitals; the body; the signature blocks. The
 * rows are fixed so that a reader (and a test) finds each part at the same cell.
 */
final class StatutoryLayout {

    /** Row of the committee above (left) and the party's name (right). */
    static final int ROW_PARENT = 0;
    /** Row of the organization (left) and the place and date (right). */
    static final int ROW_ORGANIZATION = 1;
    static final int ROW_STAR = 2;
    static final int ROW_TITLE = 4;
    static final int ROW_SUBTITLE = 5;

    private final Workbook book;
    private final BiFunction<String, Object[], String> text;
    private final CellStyle plain;
    private final CellStyle bold;
    private final CellStyle centred;
    private final CellStyle centredBold;
    private final CellStyle centredItalic;
    private final CellStyle title;
    private final CellStyle header;
    private final CellStyle cell;
    private final CellStyle cellCentred;

    StatutoryLayout(Workbook book, BiFunction<String, Object[], String> text) {
        this.book = book;
        this.text = text;
        plain = style(false, false, 13, null, false);
        bold = style(true, false, 13, null, false);
        centred = style(false, false, 13, HorizontalAlignment.CENTER, false);
        centredBold = style(true, false, 13, HorizontalAlignment.CENTER, false);
        centredItalic = style(false, true, 13, HorizontalAlignment.CENTER, false);
        title = style(true, false, 14, HorizontalAlignment.CENTER, false);
        header = style(true, false, 12, HorizontalAlignment.CENTER, true);
        cell = style(false, false, 12, HorizontalAlignment.LEFT, true);
        cellCentred = style(false, false, 12, HorizontalAlignment.CENTER, true);
    }

    private CellStyle style(boolean isBold, boolean italic, int points, HorizontalAlignment align, boolean border) {
        Font font = book.createFont();
        font.setFontName("Times New Roman");
        font.setFontHeightInPoints((short) points);
        font.setBold(isBold);
        font.setItalic(italic);
        CellStyle style = book.createCellStyle();
        style.setFont(font);
        style.setWrapText(true);
        style.setVerticalAlignment(VerticalAlignment.TOP);
        if (align != null) {
            style.setAlignment(align);
        }
        if (border) {
            style.setBorderTop(BorderStyle.THIN);
            style.setBorderBottom(BorderStyle.THIN);
            style.setBorderLeft(BorderStyle.THIN);
            style.setBorderRight(BorderStyle.THIN);
        }
        return style;
    }

    /**
     * The heading block over {@code columns} columns: the left half for the organization, the right half for the
     * party's name and the date line ("…, ngày 05 tháng 03 năm 2017", dots where there is no date yet).
     */
    void heading(Sheet sheet, int columns, String parent, String organization, LocalDate dated) {
        int split = columns / 2;
        put(sheet, ROW_PARENT, 0, split - 1, parent == null ? "" : parent.toUpperCase(Locale.ROOT), centred);
        put(sheet, ROW_ORGANIZATION, 0, split - 1, organization.toUpperCase(Locale.ROOT), centredBold);
        put(sheet, ROW_STAR, 0, split - 1, "*", centred);
        put(sheet, ROW_PARENT, split, columns - 1, text("commitments.export.party"), centredBold);
        put(sheet, ROW_ORGANIZATION, split, columns - 1, dated == null ? text("commitments.export.placeDate.blank")
                : text("commitments.export.placeDate", String.format("%02d", dated.getDayOfMonth()),
                        String.format("%02d", dated.getMonthValue()), String.valueOf(dated.getYear())),
                centredItalic);
    }

    void title(Sheet sheet, int columns, String titleText, String subtitle) {
        put(sheet, ROW_TITLE, 0, columns - 1, titleText.toUpperCase(Locale.ROOT), title);
        if (subtitle != null) {
            put(sheet, ROW_SUBTITLE, 0, columns - 1, subtitle, centredItalic);
        }
    }

    /** A line of the body across the sheet. */
    void line(Sheet sheet, int row, int columns, String value) {
        put(sheet, row, 0, columns - 1, value, plain);
    }

    /** A bordered table: its header at {@code row}, then one row per entry; returns the row after the table. */
    int table(Sheet sheet, int row, String[] headers, java.util.List<Object[]> rows, boolean[] centredColumns) {
        Row head = sheet.createRow(row);
        for (int c = 0; c < headers.length; c++) {
            set(head.createCell(c), headers[c], header);
        }
        int r = row + 1;
        for (Object[] values : rows) {
            Row line = sheet.createRow(r++);
            for (int c = 0; c < values.length; c++) {
                set(line.createCell(c), values[c], centredColumns[c] ? cellCentred : cell);
            }
        }
        return r;
    }

    /**
     * The two signature blocks from {@code row}: the title of each (bold capitals), "(Ký, ghi rõ họ tên)" below,
     * room to sign, then the names when known. Returns the row of the names.
     */
    int signatures(Sheet sheet, int row, int columns, String[] left, String[] right, String leftName,
            String rightName) {
        int split = columns / 2;
        int r = row;
        for (int i = 0; i < Math.max(left.length, right.length); i++, r++) {
            if (i < left.length) {
                put(sheet, r, 0, split - 1, left[i], centredBold);
            }
            if (i < right.length) {
                put(sheet, r, split, columns - 1, right[i], centredBold);
            }
        }
        put(sheet, r, 0, split - 1, text("commitments.export.signHint"), centredItalic);
        put(sheet, r, split, columns - 1, text("commitments.export.signHint"), centredItalic);
        int names = r + 4;
        put(sheet, names, 0, split - 1, leftName == null ? "" : leftName, centredBold);
        put(sheet, names, split, columns - 1, rightName == null ? "" : rightName, centredBold);
        return names;
    }

    void widths(Sheet sheet, int... characters) {
        for (int c = 0; c < characters.length; c++) {
            sheet.setColumnWidth(c, characters[c] * 256);
        }
    }

    private void put(Sheet sheet, int row, int from, int to, Object value, CellStyle style) {
        Row r = sheet.getRow(row) != null ? sheet.getRow(row) : sheet.createRow(row);
        set(r.createCell(from), value, style);
        if (to > from) {
            sheet.addMergedRegion(new CellRangeAddress(row, row, from, to));
        }
    }

    private static void set(Cell cell, Object value, CellStyle style) {
        if (value instanceof Number n) {
            cell.setCellValue(n.doubleValue());
        } else {
            cell.setCellValue(value == null ? "" : value.toString());
        }
        cell.setCellStyle(style);
    }

    private String text(String key, Object... arguments) {
        return text.apply(key, arguments);
    }
}

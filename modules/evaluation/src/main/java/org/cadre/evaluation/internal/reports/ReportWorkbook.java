package org.cadre.evaluation.internal.reports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.cadre.evaluation.internal.reports.Report.Comparison;
import org.cadre.evaluation.internal.reports.Report.NotCompleted;
import org.cadre.evaluation.internal.reports.Report.ReasonCount;
import org.cadre.ratingrules.RulePackRegistry.Level;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A report as an Excel workbook, one sheet per part: the distribution (the root's totals and a row per organization
 * below), the comparison with the previous year, the statutory table with the reasons for "not completed", and the
 * list of those subjects. Text is always written as a string cell, and one that a spreadsheet would read as a
 * formula when retyped ({@code = + - @}) carries the quote prefix: a name never becomes a formula.
 */
@Component
public class ReportWorkbook {

    private final MessageSource messages;

    ReportWorkbook(MessageSource messages) {
        this.messages = messages;
    }

    public byte[] write(Report report, Locale locale) {
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            Writer w = new Writer(book);
            String language = locale.getLanguage();
            distribution(w, book.createSheet(text("evaluation.reports.sheet.distribution", locale)), report, locale,
                    language);
            comparison(w, book.createSheet(text("evaluation.reports.sheet.comparison", locale)), report, locale,
                    language);
            statutory(w, book.createSheet(text("evaluation.reports.sheet.statutory", locale)), report, locale,
                    language);
            notCompleted(w, book.createSheet(text("evaluation.reports.sheet.notCompleted", locale)), report, locale,
                    language);
            if (!report.decided().isEmpty()) {
                decided(w, book.createSheet(text("evaluation.decisions.report.sheet", locale)), report, locale,
                        language);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void distribution(Writer w, Sheet sheet, Report report, Locale locale, String language) {
        int r = 0;
        w.title(sheet, r++, text("evaluation.reports.heading", locale, String.valueOf(report.year()),
                report.rootName()));
        w.text(sheet.createRow(r++), 0, text("evaluation.reports.percentNote", locale));
        r++;
        for (String subject : List.of("MEMBER", "ORGANIZATION")) {
            boolean member = subject.equals("MEMBER");
            List<Level> scale = member ? report.memberScale() : report.organizationScale();
            Row head = sheet.createRow(r++);
            w.header(head, 0, text(member ? "evaluation.reports.members" : "evaluation.reports.organizations",
                    locale));
            w.header(head, 1, text("evaluation.reports.ownLevel", locale));
            int c = 2;
            for (Level level : scale) {
                w.header(head, c++, level.label(language));
                w.header(head, c++, "%");
            }
            w.header(head, c++, text("evaluation.reports.excluded", locale));
            w.header(head, c++, text("evaluation.reports.pending", locale));
            w.header(head, c, text("evaluation.reports.total", locale));
            Distribution total = member ? report.members() : report.organizations();
            r = line(w, sheet, r, report.rootName(), own(report, report.rootRating(), language, locale), scale,
                    total);
            for (Report.Row row : report.rows()) {
                r = line(w, sheet, r, row.name(), own(report, row.own(), language, locale), scale,
                        member ? row.members() : row.organizations());
            }
            r++;
        }
        sheet.setColumnWidth(0, 60 * 256);
    }

    private String own(Report report, Report.Own own, String language, Locale locale) {
        if (own == null) {
            return "";
        }
        if (own.excluded()) {
            return text("evaluation.reports.excluded", locale);
        }
        if (own.pending() || own.level() == null) {
            return text("evaluation.reports.pending", locale);
        }
        return report.label("ORGANIZATION", own.level(), language);
    }

    private static int line(Writer w, Sheet sheet, int r, String name, String own, List<Level> scale,
            Distribution d) {
        Row row = sheet.createRow(r);
        w.text(row, 0, name);
        w.text(row, 1, own);
        int c = 2;
        for (Level level : scale) {
            w.number(row, c++, d.count(level.code()));
            w.number(row, c++, d.percent(level.code()).doubleValue());
        }
        w.number(row, c++, d.excluded());
        w.number(row, c++, d.pending());
        w.number(row, c, d.total());
        return r + 1;
    }

    private void comparison(Writer w, Sheet sheet, Report report, Locale locale, String language) {
        Comparison comparison = report.comparison();
        int previous = report.year() - 1;
        if (comparison == null) {
            w.text(sheet.createRow(0), 0, text("evaluation.reports.comparison.none", locale,
                    String.valueOf(previous)));
            return;
        }
        int r = 0;
        w.title(sheet, r++, text("evaluation.reports.comparison", locale, String.valueOf(previous)) + ": "
                + report.rootName());
        for (String subject : List.of("MEMBER", "ORGANIZATION")) {
            boolean member = subject.equals("MEMBER");
            r++;
            Row head = sheet.createRow(r++);
            w.header(head, 0, text(member ? "evaluation.reports.members" : "evaluation.reports.organizations",
                    locale));
            w.header(head, 1, String.valueOf(report.year()));
            w.header(head, 2, "%");
            w.header(head, 3, String.valueOf(previous));
            w.header(head, 4, "%");
            w.header(head, 5, text("evaluation.reports.change", locale));
            Distribution now = member ? report.members() : report.organizations();
            Distribution before = member ? comparison.membersBefore() : comparison.organizationsBefore();
            for (Level level : member ? comparison.memberLevels() : comparison.organizationLevels()) {
                Row row = sheet.createRow(r++);
                w.text(row, 0, level.label(language));
                w.number(row, 1, now.count(level.code()));
                w.number(row, 2, now.percent(level.code()).doubleValue());
                w.number(row, 3, before.count(level.code()));
                w.number(row, 4, before.percent(level.code()).doubleValue());
                w.number(row, 5, now.count(level.code()) - before.count(level.code()));
            }
            for (String key : List.of("evaluation.reports.excluded", "evaluation.reports.pending",
                    "evaluation.reports.total")) {
                Row row = sheet.createRow(r++);
                w.text(row, 0, text(key, locale));
                long a = pick(now, key);
                long b = pick(before, key);
                w.number(row, 1, a);
                w.number(row, 3, b);
                w.number(row, 5, a - b);
            }
        }
        sheet.setColumnWidth(0, 40 * 256);
    }

    private static long pick(Distribution d, String key) {
        return key.endsWith("excluded") ? d.excluded() : key.endsWith("pending") ? d.pending() : d.total();
    }

    private void statutory(Writer w, Sheet sheet, Report report, Locale locale, String language) {
        int r = 0;
        w.title(sheet, r++, text("evaluation.reports.statutory", locale, String.valueOf(report.year())));
        w.text(sheet.createRow(r++), 0, report.rootName());
        r++;
        List<Level> levels = Columns.statutory(report);
        Row head = sheet.createRow(r++);
        Row sub = sheet.createRow(r++);
        int c = 0;
        w.header(head, c++, text("evaluation.reports.statutory.subject", locale));
        for (String key : List.of("evaluation.reports.total", "evaluation.reports.excluded",
                "evaluation.reports.pending", "evaluation.reports.classified")) {
            w.header(head, c++, text(key, locale));
        }
        for (Level level : levels) {
            w.header(head, c, level.label(language));
            w.header(sub, c++, text("evaluation.reports.count", locale));
            w.header(sub, c++, text("evaluation.reports.percent", locale));
        }
        Report.Statutory s = report.statutory();
        r = statutoryRow(w, sheet, r, text("evaluation.reports.statutory.members", locale), levels, s.members());
        r = statutoryRow(w, sheet, r, text("evaluation.reports.statutory.grassroots", locale), levels,
                s.grassroots());
        r = statutoryRow(w, sheet, r, text("evaluation.reports.statutory.subordinates", locale), levels,
                s.subordinates());
        r++;
        w.title(sheet, r++, text("evaluation.reports.reasons", locale));
        Row reasonHead = sheet.createRow(r++);
        w.header(reasonHead, 0, text("evaluation.reports.reasons.reason", locale));
        w.header(reasonHead, 1, text("evaluation.reports.reasons.article", locale));
        w.header(reasonHead, 2, text("evaluation.reports.reasons.rule", locale));
        w.header(reasonHead, 3, text("evaluation.reports.members", locale));
        w.header(reasonHead, 4, text("evaluation.reports.organizations", locale));
        if (s.reasons().isEmpty()) {
            w.text(sheet.createRow(r), 0, text("evaluation.reports.reasons.none", locale));
        }
        for (ReasonCount reason : s.reasons()) {
            Row row = sheet.createRow(r++);
            w.text(row, 0, reason.text(language));
            w.text(row, 1, reason.article());
            w.text(row, 2, reason.ruleId());
            w.number(row, 3, reason.members());
            w.number(row, 4, reason.organizations());
        }
        sheet.setColumnWidth(0, 60 * 256);
    }

    private static int statutoryRow(Writer w, Sheet sheet, int r, String label, List<Level> levels, Distribution d) {
        Row row = sheet.createRow(r);
        int c = 0;
        w.text(row, c++, label);
        w.number(row, c++, d.total());
        w.number(row, c++, d.excluded());
        w.number(row, c++, d.pending());
        w.number(row, c++, d.classified());
        for (Level level : levels) {
            w.number(row, c++, d.count(level.code()));
            w.number(row, c++, d.percent(level.code()).doubleValue());
        }
        return r + 1;
    }

    private void notCompleted(Writer w, Sheet sheet, Report report, Locale locale, String language) {
        int r = 0;
        w.title(sheet, r++, text("evaluation.reports.notCompleted", locale));
        Row head = sheet.createRow(r++);
        w.header(head, 0, text("evaluation.reports.statutory.subject", locale));
        w.header(head, 1, text("evaluation.reports.name", locale));
        w.header(head, 2, text("evaluation.reports.organization", locale));
        w.header(head, 3, text("evaluation.reports.reasons.reason", locale));
        w.header(head, 4, text("evaluation.reports.reasons.article", locale));
        for (NotCompleted n : report.notCompleted()) {
            Row row = sheet.createRow(r++);
            w.text(row, 0, text("evaluation.reports.subject." + n.subject(), locale));
            w.text(row, 1, n.name());
            w.text(row, 2, n.organizationName());
            w.text(row, 3, n.reason(language));
            w.text(row, 4, n.article());
        }
        sheet.setColumnWidth(1, 36 * 256);
        sheet.setColumnWidth(2, 40 * 256);
        sheet.setColumnWidth(3, 60 * 256);
    }

    /** The lists of the competent level with their departures, then each departure with its reason. */
    private void decided(Writer w, Sheet sheet, Report report, Locale locale, String language) {
        int r = 0;
        w.title(sheet, r++, text("evaluation.decisions.report.title", locale));
        Row head = sheet.createRow(r++);
        List<String> listColumns = List.of("evaluation.decisions.col.organization", "evaluation.decisions.col.kind",
                "evaluation.decisions.col.status", "evaluation.decisions.col.subjects",
                "evaluation.decisions.col.departures");
        for (int c = 0; c < listColumns.size(); c++) {
            w.header(head, c, text(listColumns.get(c), locale));
        }
        for (Report.Decided.DecidedList l : report.decided().lists()) {
            Row row = sheet.createRow(r++);
            w.text(row, 0, l.organizationName());
            w.text(row, 1, text("evaluation.decisions.kind." + l.kind(), locale));
            w.text(row, 2, text("evaluation.decisions.status." + l.status(), locale)
                    + (l.number() == null ? "" : " " + l.number()));
            w.number(row, 3, l.subjects());
            w.number(row, 4, l.departures());
        }
        r++;
        w.title(sheet, r++, text("evaluation.decisions.report.departures", locale));
        head = sheet.createRow(r++);
        List<String> departureColumns = List.of("evaluation.decisions.col.subject", "evaluation.decisions.col.where",
                "evaluation.decisions.col.proposed", "evaluation.decisions.col.level",
                "evaluation.decisions.report.reason");
        for (int c = 0; c < departureColumns.size(); c++) {
            w.header(head, c, text(departureColumns.get(c), locale));
        }
        for (Report.Decided.Departure d : report.decided().departures()) {
            Row row = sheet.createRow(r++);
            w.text(row, 0, d.name());
            w.text(row, 1, d.organizationName());
            w.text(row, 2, report.label(d.subject(), d.proposed(), language));
            w.text(row, 3, report.label(d.subject(), d.level(), language));
            w.text(row, 4, d.reason());
        }
        sheet.setColumnWidth(0, 36 * 256);
        sheet.setColumnWidth(1, 36 * 256);
        sheet.setColumnWidth(4, 60 * 256);
    }

    private String text(String key, Locale locale, Object... arguments) {
        return messages.getMessage(key, arguments, key, locale);
    }

    /** The cell writers of one workbook, with its few styles. */
    private static final class Writer {

        private final CellStyle header;
        private final CellStyle title;
        private final CellStyle quoted;

        Writer(XSSFWorkbook book) {
            Font bold = book.createFont();
            bold.setBold(true);
            header = book.createCellStyle();
            header.setFont(bold);
            header.setWrapText(true);
            title = book.createCellStyle();
            title.setFont(bold);
            quoted = book.createCellStyle();
            quoted.setQuotePrefixed(true);
        }

        void title(Sheet sheet, int r, String value) {
            Cell cell = sheet.createRow(r).createCell(0);
            cell.setCellValue(value);
            cell.setCellStyle(title);
        }

        void header(Row row, int c, String value) {
            Cell cell = row.createCell(c);
            cell.setCellValue(value);
            cell.setCellStyle(header);
        }

        /** A string cell; a leading = + - @ gets the quote prefix, so the value stays text when edited. */
        void text(Row row, int c, String value) {
            Cell cell = row.createCell(c);
            String v = value == null ? "" : value;
            cell.setCellValue(v);
            if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) {
                cell.setCellStyle(quoted);
            }
        }

        void number(Row row, int c, double value) {
            row.createCell(c).setCellValue(value);
        }
    }
}

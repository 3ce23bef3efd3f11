package org.cadre.evaluation.internal.reports;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.cadre.evaluation.internal.reports.Report.Comparison;
import org.cadre.evaluation.internal.reports.Report.NotCompleted;
import org.cadre.evaluation.internal.reports.Report.ReasonCount;
import org.cadre.ratingrules.RulePackRegistry.Level;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The printable summary of a report (A4 landscape): the statutory table, the reasons for "not completed", the
 * distribution by organization, the comparison with the previous year and the list of subjects not completed.
 * The text is set in DejaVu Sans, shipped with the module and embedded in the file (Identity-H, subset), so the
 * Vietnamese diacritics print whatever fonts the reader's machine has; the built-in PDF fonts have no such glyphs.
 */
@Component
public class ReportPdf {

    private static final String FONTS = "/org/cadre/evaluation/reports/fonts/";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    private final MessageSource messages;
    private final Clock clock;
    private final BaseFont regular;
    private final BaseFont bold;

    ReportPdf(MessageSource messages, Clock clock) {
        this.messages = messages;
        this.clock = clock;
        this.regular = font("DejaVuSans.ttf");
        this.bold = font("DejaVuSans-Bold.ttf");
    }

    private static BaseFont font(String file) {
        try (InputStream in = ReportPdf.class.getResourceAsStream(FONTS + file)) {
            if (in == null) {
                throw new IllegalStateException("The font " + file + " is missing from the module's resources");
            }
            return BaseFont.createFont(file, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, in.readAllBytes(), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public byte[] write(Report report, Locale locale) {
        String language = locale.getLanguage();
        Font body = new Font(regular, 9);
        Font strong = new Font(bold, 9);
        Font heading = new Font(bold, 13);
        Font section = new Font(bold, 11);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4.rotate(), 36, 36, 36, 36);
        try {
            PdfWriter.getInstance(document, out);
            document.addTitle(plain(text("evaluation.reports.pdf.title", locale, String.valueOf(report.year()))));
            document.open();
            Paragraph title = new Paragraph(plain(text("evaluation.reports.pdf.title", locale,
                    String.valueOf(report.year()))), heading);
            title.setAlignment(Element.ALIGN_CENTER);
            document.add(title);
            Paragraph scope = new Paragraph(plain(report.rootName()), section);
            scope.setAlignment(Element.ALIGN_CENTER);
            document.add(scope);
            String origin = text("evaluation.reports.pack", locale, report.packId(), report.packVersion());
            if (report.finishedAt() != null) {
                origin += " · " + text("evaluation.reports.finishedAt", locale,
                        WHEN.format(report.finishedAt().atZone(clock.getZone())));
            }
            Paragraph from = new Paragraph(plain(origin), body);
            from.setAlignment(Element.ALIGN_CENTER);
            from.setSpacingAfter(10);
            document.add(from);
            if (!report.hasResults()) {
                document.add(new Paragraph(plain(text("evaluation.reports.noResults", locale)), body));
            } else {
                statutory(document, report, locale, language, body, strong, section);
                distribution(document, report, locale, language, body, strong, section);
                comparison(document, report, locale, language, body, strong, section);
                notCompleted(document, report, locale, language, body, strong, section);
                decided(document, report, locale, language, body, strong, section);
            }
            document.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("The report's PDF could not be written", e);
        }
        return out.toByteArray();
    }

    private void statutory(Document document, Report report, Locale locale, String language, Font body, Font strong,
            Font section) {
        document.add(heading(text("evaluation.reports.statutory", locale, String.valueOf(report.year())), section));
        List<Level> levels = Columns.statutory(report);
        float[] widths = new float[5 + 2 * levels.size()];
        java.util.Arrays.fill(widths, 1);
        widths[0] = 2.6f;
        PdfPTable table = new PdfPTable(widths);
        table.setWidthPercentage(100);
        table.setHeaderRows(2);
        PdfPCell subject = cell(text("evaluation.reports.statutory.subject", locale), strong);
        subject.setRowspan(2);
        table.addCell(subject);
        for (String key : List.of("evaluation.reports.total", "evaluation.reports.excluded",
                "evaluation.reports.pending", "evaluation.reports.classified")) {
            PdfPCell c = cell(text(key, locale), strong);
            c.setRowspan(2);
            table.addCell(c);
        }
        for (Level level : levels) {
            PdfPCell c = cell(level.label(language), strong);
            c.setColspan(2);
            table.addCell(c);
        }
        for (int i = 0; i < levels.size(); i++) {
            table.addCell(cell(text("evaluation.reports.count", locale), strong));
            table.addCell(cell(text("evaluation.reports.percent", locale), strong));
        }
        Report.Statutory s = report.statutory();
        statutoryRow(table, text("evaluation.reports.statutory.members", locale), levels, s.members(), body, locale);
        statutoryRow(table, text("evaluation.reports.statutory.grassroots", locale), levels, s.grassroots(), body,
                locale);
        statutoryRow(table, text("evaluation.reports.statutory.subordinates", locale), levels, s.subordinates(),
                body, locale);
        document.add(table);

        document.add(heading(text("evaluation.reports.reasons", locale), section));
        if (s.reasons().isEmpty()) {
            document.add(new Paragraph(plain(text("evaluation.reports.reasons.none", locale)), body));
            return;
        }
        PdfPTable reasons = headed(new float[] {6, 3, 1.5f, 1.2f, 1.2f}, locale, strong,
                "evaluation.reports.reasons.reason", "evaluation.reports.reasons.article",
                "evaluation.reports.reasons.rule", "evaluation.reports.members", "evaluation.reports.organizations");
        for (ReasonCount reason : s.reasons()) {
            reasons.addCell(cell(reason.text(language), body));
            reasons.addCell(cell(reason.article(), body));
            reasons.addCell(cell(reason.ruleId(), body));
            reasons.addCell(number(reason.members(), body));
            reasons.addCell(number(reason.organizations(), body));
        }
        document.add(reasons);
    }

    private void statutoryRow(PdfPTable table, String label, List<Level> levels, Distribution d, Font body,
            Locale locale) {
        table.addCell(cell(label, body));
        table.addCell(number(d.total(), body));
        table.addCell(number(d.excluded(), body));
        table.addCell(number(d.pending(), body));
        table.addCell(number(d.classified(), body));
        for (Level level : levels) {
            table.addCell(number(d.count(level.code()), body));
            table.addCell(cell(percent(d.percent(level.code()), locale), body, Element.ALIGN_RIGHT));
        }
    }

    private void distribution(Document document, Report report, Locale locale, String language, Font body,
            Font strong, Font section) {
        if (report.rows().isEmpty()) {
            return;
        }
        document.add(heading(text("evaluation.reports.distribution.members", locale), section));
        List<Level> scale = report.memberScale();
        PdfPTable table = new PdfPTable(4 + scale.size());
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        float[] widths = new float[4 + scale.size()];
        java.util.Arrays.fill(widths, 1.4f);
        widths[0] = 6;
        widths[1] = 2.5f;
        table.setWidths(widths);
        table.addCell(cell(text("evaluation.reports.organization", locale), strong));
        table.addCell(cell(text("evaluation.reports.ownLevel", locale), strong));
        for (Level level : scale) {
            table.addCell(cell(level.label(language), strong));
        }
        table.addCell(cell(text("evaluation.reports.excluded", locale) + " / "
                + text("evaluation.reports.pending", locale), strong));
        table.addCell(cell(text("evaluation.reports.total", locale), strong));
        for (Report.Row row : report.rows()) {
            table.addCell(cell(row.name(), body));
            table.addCell(cell(own(report, row.own(), language, locale), body));
            Distribution d = row.members();
            for (Level level : scale) {
                table.addCell(cell(d.count(level.code()) + " (" + percent(d.percent(level.code()), locale) + "%)",
                        body, Element.ALIGN_RIGHT));
            }
            table.addCell(cell(d.excluded() + " / " + d.pending(), body, Element.ALIGN_RIGHT));
            table.addCell(number(d.total(), body));
        }
        document.add(table);
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

    private void comparison(Document document, Report report, Locale locale, String language, Font body,
            Font strong, Font section) {
        int previous = report.year() - 1;
        document.add(heading(text("evaluation.reports.comparison", locale, String.valueOf(previous)), section));
        Comparison comparison = report.comparison();
        if (comparison == null) {
            document.add(new Paragraph(plain(text("evaluation.reports.comparison.none", locale,
                    String.valueOf(previous))), body));
            return;
        }
        PdfPTable table = new PdfPTable(new float[] {5, 1.5f, 1.5f, 1.5f, 1.5f, 1.5f});
        table.setWidthPercentage(80);
        table.setHorizontalAlignment(Element.ALIGN_LEFT);
        table.setHeaderRows(1);
        for (String head : List.of(text("evaluation.reports.level", locale), String.valueOf(report.year()), "%",
                String.valueOf(previous), "%", text("evaluation.reports.change", locale))) {
            table.addCell(cell(head, strong));
        }
        for (String subject : List.of("MEMBER", "ORGANIZATION")) {
            boolean member = subject.equals("MEMBER");
            PdfPCell group = cell(text(member ? "evaluation.reports.members" : "evaluation.reports.organizations",
                    locale), strong);
            group.setColspan(6);
            table.addCell(group);
            Distribution now = member ? report.members() : report.organizations();
            Distribution before = member ? comparison.membersBefore() : comparison.organizationsBefore();
            for (Level level : member ? comparison.memberLevels() : comparison.organizationLevels()) {
                long a = now.count(level.code());
                long b = before.count(level.code());
                table.addCell(cell(level.label(language), body));
                table.addCell(number(a, body));
                table.addCell(cell(percent(now.percent(level.code()), locale), body, Element.ALIGN_RIGHT));
                table.addCell(number(b, body));
                table.addCell(cell(percent(before.percent(level.code()), locale), body, Element.ALIGN_RIGHT));
                table.addCell(cell(signed(a - b), body, Element.ALIGN_RIGHT));
            }
        }
        document.add(table);
    }

    private void notCompleted(Document document, Report report, Locale locale, String language, Font body,
            Font strong, Font section) {
        if (report.notCompleted().isEmpty()) {
            return;
        }
        document.add(heading(text("evaluation.reports.notCompleted", locale), section));
        PdfPTable table = headed(new float[] {0.6f, 3, 3.5f, 5, 2.5f}, locale, strong,
                "evaluation.reports.number", "evaluation.reports.name", "evaluation.reports.organization",
                "evaluation.reports.reasons.reason", "evaluation.reports.reasons.article");
        int i = 0;
        for (NotCompleted n : report.notCompleted()) {
            table.addCell(number(++i, body));
            table.addCell(cell(n.name(), body));
            table.addCell(cell(n.organizationName(), body));
            table.addCell(cell(n.reason(language), body));
            table.addCell(cell(n.article(), body));
        }
        document.add(table);
    }

    /** The lists of the competent level (status, departures), then each departure with the level and reason. */
    private void decided(Document document, Report report, Locale locale, String language, Font body, Font strong,
            Font section) {
        if (report.decided().isEmpty()) {
            return;
        }
        document.add(heading(text("evaluation.decisions.report.title", locale), section));
        PdfPTable lists = headed(new float[] {4, 2, 2.5f, 1.2f, 1.2f}, locale, strong,
                "evaluation.decisions.col.organization", "evaluation.decisions.col.kind",
                "evaluation.decisions.col.status", "evaluation.decisions.col.subjects",
                "evaluation.decisions.col.departures");
        for (Report.Decided.DecidedList l : report.decided().lists()) {
            lists.addCell(cell(l.organizationName(), body));
            lists.addCell(cell(text("evaluation.decisions.kind." + l.kind(), locale), body));
            lists.addCell(cell(text("evaluation.decisions.status." + l.status(), locale)
                    + (l.number() == null ? "" : " " + l.number()), body));
            lists.addCell(number(l.subjects(), body));
            lists.addCell(number(l.departures(), body));
        }
        document.add(lists);
        if (report.decided().departures().isEmpty()) {
            return;
        }
        document.add(heading(text("evaluation.decisions.report.departures", locale), section));
        PdfPTable table = headed(new float[] {3, 3, 2.5f, 2.5f, 5}, locale, strong,
                "evaluation.decisions.col.subject", "evaluation.decisions.col.where",
                "evaluation.decisions.col.proposed", "evaluation.decisions.col.level",
                "evaluation.decisions.report.reason");
        for (Report.Decided.Departure d : report.decided().departures()) {
            table.addCell(cell(d.name(), body));
            table.addCell(cell(d.organizationName(), body));
            table.addCell(cell(report.label(d.subject(), d.proposed(), language), body));
            table.addCell(cell(report.label(d.subject(), d.level(), language), body));
            table.addCell(cell(d.reason(), body));
        }
        document.add(table);
    }

    /** A share with one decimal, written the reader's way: 42,9 in Vietnamese, 42.9 in English. */
    private static String percent(java.math.BigDecimal share, Locale locale) {
        java.text.NumberFormat format = java.text.NumberFormat.getNumberInstance(
                "en".equals(locale.getLanguage()) ? Locale.ENGLISH : Locale.forLanguageTag("vi"));
        format.setMinimumFractionDigits(1);
        format.setMaximumFractionDigits(1);
        return format.format(share);
    }

    private static String signed(long change) {
        return change > 0 ? "+" + change : String.valueOf(change);
    }

    private static Paragraph heading(String text, Font font) {
        Paragraph p = new Paragraph(plain(text), font);
        p.setSpacingBefore(12);
        p.setSpacingAfter(6);
        return p;
    }

    /** A full-width table whose first row, repeated on each page, holds the headings of {@code keys}. */
    private PdfPTable headed(float[] widths, Locale locale, Font strong, String... keys) {
        PdfPTable table = new PdfPTable(widths);
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        for (String key : keys) {
            table.addCell(cell(text(key, locale), strong));
        }
        return table;
    }

    private static PdfPCell cell(String text, Font font) {
        return cell(text, font, Element.ALIGN_LEFT);
    }

    private static PdfPCell cell(String text, Font font, int alignment) {
        PdfPCell cell = new PdfPCell(new Phrase(plain(text), font));
        cell.setHorizontalAlignment(alignment);
        cell.setPadding(3);
        return cell;
    }

    private static PdfPCell number(long value, Font font) {
        return cell(String.valueOf(value), font, Element.ALIGN_RIGHT);
    }

    /**
     * Text in its composed form (NFC): a name typed with combining accents ("Nguyê\u0303n") is drawn with the font's
     * precomposed glyph instead of an accent placed by guesswork.
     */
    private static String plain(String text) {
        return text == null ? "" : Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    private String text(String key, Locale locale, Object... arguments) {
        return messages.getMessage(key, arguments, key, locale);
    }
}

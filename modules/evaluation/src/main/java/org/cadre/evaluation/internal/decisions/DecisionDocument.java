package org.cadre.evaluation.internal.decisions;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
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
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.cadre.evaluation.DecisionView;
import org.cadre.organizations.OrganizationSummary;
import org.cadre.ratingrules.PackVersion;
import org.cadre.ratingrules.RulePackRegistry.Level;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The decision document in the statutory shape of a Party committee's decision (A4 portrait): the superior and the
 * issuing committee with the number top left, the Party's name and the place and date top right, the title, the
 * grounds ("Căn cứ …"), the articles (the list attached as a table, the counts per level, who carries it out), the
 * recipients bottom left and the signature bottom right. Always in Vietnamese (a statutory document): the labels are
 * the bundle's Vietnamese ones. A draft says so at the top. Set in the DejaVu fonts the reports embed.
 */
@Component
class DecisionDocument {

    private static final String FONTS = "/org/cadre/evaluation/reports/fonts/";
    private static final Locale VI = Locale.forLanguageTag("vi");

    private final MessageSource messages;
    private final DecisionTree trees;
    private final Clock clock;
    private final BaseFont regular;
    private final BaseFont bold;

    DecisionDocument(MessageSource messages, DecisionTree trees, Clock clock) {
        this.messages = messages;
        this.trees = trees;
        this.clock = clock;
        this.regular = font("DejaVuSans.ttf");
        this.bold = font("DejaVuSans-Bold.ttf");
    }

    private static BaseFont font(String file) {
        try (InputStream in = DecisionDocument.class.getResourceAsStream(FONTS + file)) {
            if (in == null) {
                throw new IllegalStateException("The font " + file + " is missing from the module's resources");
            }
            return BaseFont.createFont(file, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, in.readAllBytes(), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    byte[] write(DecisionCycle cycle, DecisionTree.Tree tree, DecisionView decision) {
        Font body = new Font(regular, 10);
        Font strong = new Font(bold, 10);
        Font title = new Font(bold, 14);
        Font italic = new Font(regular, 10, Font.ITALIC);
        boolean members = DecisionService.MEMBER.equals(decision.summary().kind());
        OrganizationSummary competent = trees.find(tree, decision.summary().competent()).orElse(null);
        String competentName = decision.summary().competentName();
        String superior = competent == null || competent.parentId() == null ? ""
                : trees.name(tree, competent.parentId().value());
        String year = String.valueOf(decision.year());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 56, 42, 42, 42);
        try {
            PdfWriter.getInstance(document, out);
            document.addTitle(text("evaluation.decisions.doc.title") + " " + nz(decision.summary().number()));
            document.open();
            if (!decision.signed()) {
                document.add(centered(text("evaluation.decisions.doc.draft"), new Font(bold, 16), 6));
            }
            document.add(header(superior, competentName, decision, strong, body, italic));
            document.add(centered(text("evaluation.decisions.doc.title"), title, 12));
            document.add(centered(text(members ? "evaluation.decisions.doc.subject.MEMBER"
                    : "evaluation.decisions.doc.subject.ORGANIZATION", year), strong, 0));
            document.add(centered("-----", body, 8));
            document.add(centered(upper(text(committeeKey(competent), competentName)), strong, 8));
            for (String ground : grounds(cycle, decision)) {
                document.add(paragraph(ground, italic, 2));
            }
            document.add(centered(text("evaluation.decisions.doc.decides"), strong, 8));
            int rated = (int) decision.items().stream().filter(i -> i.level() != null).count();
            document.add(paragraph(text(members ? "evaluation.decisions.doc.article1.MEMBER"
                    : "evaluation.decisions.doc.article1.ORGANIZATION", year, String.valueOf(rated),
                    decision.summary().organizationName()), body, 4));
            document.add(list(decision, members, body, strong));
            document.add(paragraph(text("evaluation.decisions.doc.article2"), body, 2));
            for (Level level : decision.scale()) {
                long count = decision.items().stream().filter(i -> level.code().equals(i.level())).count();
                document.add(paragraph(text("evaluation.decisions.doc.count", level.label("vi"),
                        String.valueOf(count)), body, 0));
            }
            document.add(paragraph(text("evaluation.decisions.doc.article3", decision.summary().organizationName()),
                    body, 4));
            document.add(footer(cycle, decision, competent, superior, body, strong, italic));
            document.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("The decision's PDF could not be written", e);
        }
        return out.toByteArray();
    }

    private PdfPTable header(String superior, String competentName, DecisionView decision, Font strong, Font body,
            Font italic) throws DocumentException {
        PdfPTable table = new PdfPTable(new float[] {1, 1.2f});
        table.setWidthPercentage(100);
        PdfPCell left = bare();
        left.addElement(centered(upper(superior), body, 0));
        left.addElement(centered(upper(competentName), strong, 0));
        left.addElement(centered("*", body, 0));
        String number = decision.summary().number();
        left.addElement(centered(text("evaluation.decisions.doc.number", number == null ? "…" : number), body, 0));
        table.addCell(left);
        PdfPCell right = bare();
        Paragraph party = centered(text("evaluation.decisions.doc.party"), strong, 0);
        right.addElement(party);
        right.addElement(centered("", body, 6));
        LocalDate on = decision.summary().signedAt() == null ? null
                : LocalDate.ofInstant(decision.summary().signedAt(), clock.getZone());
        right.addElement(centered(on == null ? text("evaluation.decisions.doc.dateBlank",
                String.valueOf(decision.year())) : text("evaluation.decisions.doc.date",
                String.format("%02d", on.getDayOfMonth()), String.format("%02d", on.getMonthValue()),
                String.valueOf(on.getYear())), italic, 0));
        table.addCell(right);
        table.setSpacingAfter(12);
        return table;
    }

    /** The grounds: the Party's statute, the pinned pack's regulation (or the bundle's generic words), the proposal. */
    private List<String> grounds(DecisionCycle cycle, DecisionView decision) {
        Optional<PackVersion> pack = trees.pack(cycle);
        String regulation = pack.map(PackVersion::regulation).filter(r -> !r.isBlank())
                .map(r -> text("evaluation.decisions.doc.ground.regulation", r, nz(pack.get().nameVi())))
                .orElse(text("evaluation.decisions.doc.ground.generic"));
        return List.of(text("evaluation.decisions.doc.ground.statute"), regulation,
                text("evaluation.decisions.doc.ground.proposal", decision.summary().organizationName()));
    }

    private PdfPTable list(DecisionView decision, boolean members, Font body, Font strong) {
        PdfPTable table = new PdfPTable(new float[] {0.5f, 2.4f, 2f, 2f});
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        table.setSpacingBefore(4);
        table.setSpacingAfter(8);
        table.addCell(cell(text("evaluation.decisions.doc.col.number"), strong));
        table.addCell(cell(text(members ? "evaluation.decisions.doc.col.member"
                : "evaluation.decisions.doc.col.organization"), strong));
        table.addCell(cell(text(members ? "evaluation.decisions.doc.col.chapter"
                : "evaluation.decisions.doc.col.parent"), strong));
        table.addCell(cell(text("evaluation.decisions.doc.col.level"), strong));
        int n = 0;
        for (DecisionView.Item item : decision.items()) {
            table.addCell(cell(String.valueOf(++n), body));
            table.addCell(cell(nz(item.name()), body));
            table.addCell(cell(nz(item.organizationName()), body));
            table.addCell(cell(item.level() == null ? text("evaluation.decisions.doc.notRated")
                    : decision.label(item.level(), "vi"), body));
        }
        return table;
    }

    private PdfPTable footer(DecisionCycle cycle, DecisionView decision, OrganizationSummary competent,
            String superior, Font body, Font strong, Font italic) throws DocumentException {
        PdfPTable table = new PdfPTable(new float[] {1, 1});
        table.setWidthPercentage(100);
        table.setSpacingBefore(16);
        table.setKeepTogether(true);
        PdfPCell left = bare();
        left.addElement(paragraph(text("evaluation.decisions.doc.recipients"), new Font(bold, 9,
                Font.BOLDITALIC), 0));
        left.addElement(paragraph(text("evaluation.decisions.doc.recipient.article3"), new Font(regular, 9), 0));
        if (!superior.isBlank()) {
            left.addElement(paragraph(text("evaluation.decisions.doc.recipient.superior", superior),
                    new Font(regular, 9), 0));
        }
        left.addElement(paragraph(text("evaluation.decisions.doc.recipient.archive"), new Font(regular, 9), 0));
        table.addCell(left);
        PdfPCell right = bare();
        right.addElement(centered(upper(text(onBehalfKey(competent), decision.summary().competentName())), strong,
                0));
        right.addElement(centered(text("evaluation.decisions.doc.secretary"), strong, 0));
        String signer = signer(cycle, decision);
        // the user who signed in the application, when the committee's secretary is recorded under another name
        boolean byAnother = decision.signed() && !signer.equals(decision.summary().signedBy());
        right.addElement(centered(byAnother ? text("evaluation.decisions.doc.signedAt",
                nz(decision.summary().signedBy())) : "", italic, 36));
        right.addElement(centered(signer, strong, 0));
        table.addCell(right);
        return table;
    }

    /** The secretary of the competent organization on the day of signing, else the user who signed. */
    private String signer(DecisionCycle cycle, DecisionView decision) {
        if (!decision.signed()) {
            return "";
        }
        LocalDate on = LocalDate.ofInstant(decision.summary().signedAt(), clock.getZone());
        return trees.secretary(decision.summary().competent(), on).orElse(decision.summary().signedBy());
    }

    private static String committeeKey(OrganizationSummary competent) {
        return "evaluation.decisions.doc.committee." + (competent == null ? "OTHER" : competent.kind().name());
    }

    private static String onBehalfKey(OrganizationSummary competent) {
        return "evaluation.decisions.doc.onBehalf." + (competent == null ? "OTHER" : competent.kind().name());
    }

    private static PdfPCell bare() {
        PdfPCell cell = new PdfPCell();
        cell.setBorder(Rectangle.NO_BORDER);
        return cell;
    }

    private static PdfPCell cell(String text, Font font) {
        PdfPCell cell = new PdfPCell(new Phrase(nfc(text), font));
        cell.setPadding(3);
        return cell;
    }

    private static Paragraph centered(String text, Font font, float after) {
        Paragraph p = new Paragraph(new Chunk(nfc(text), font));
        p.setAlignment(Element.ALIGN_CENTER);
        p.setSpacingAfter(after);
        return p;
    }

    private static Paragraph paragraph(String text, Font font, float after) {
        Paragraph p = new Paragraph(nfc(text), font);
        p.setAlignment(Element.ALIGN_JUSTIFIED);
        p.setSpacingAfter(after);
        return p;
    }

    private static String upper(String text) {
        return nz(text).toUpperCase(VI);
    }

    private static String nz(String text) {
        return Objects.requireNonNullElse(text, "");
    }

    private static String nfc(String text) {
        return Normalizer.normalize(nz(text), Normalizer.Form.NFC);
    }

    private String text(String key, Object... arguments) {
        return messages.getMessage(key, arguments, key, VI);
    }
}

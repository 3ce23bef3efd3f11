package org.cadre.commitments.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.cadre.commitments.ActionProgrammes;
import org.cadre.commitments.CampaignView;
import org.cadre.commitments.CommitmentRegisters;
import org.cadre.commitments.CommitmentsRefusal;
import org.cadre.commitments.DutyView;
import org.cadre.commitments.ItemView;
import org.cadre.commitments.ProgrammeView;
import org.cadre.commitments.RegisterView;
import org.cadre.commitments.Study;
import org.cadre.commitments.web.CommitmentRoles.ReadsCommitments;
import org.cadre.commitments.web.CommitmentRoles.ReadsRegister;
import org.cadre.organizations.MemberId;
import org.cadre.organizations.OrganizationAccess;
import org.cadre.organizations.OrganizationId;
import org.cadre.platform.Caller;
import org.cadre.platform.Refused;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Excel workbooks in the layout of party documents ({@link StatutoryLayout}): a member's register as the form they
 * sign (the organization's heading, the party's name and the date line, the title, the member's name, card number
 * and chapter, the items, the signature blocks of the chapter and of the member); a subtree's registers as a
 * summary with one such form per member; a programme with its tasks and the signatures of the committee's
 * secretary and the agency head.
 */
@Controller
class ExportController {

    private static final MediaType XLSX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    static final int FORM_COLUMNS = 7;
    /** Name, card number and chapter of the member, one a row. */
    static final int FORM_NAME_ROW = 7;
    static final int FORM_TABLE_ROW = 11;
    static final int SUMMARY_COLUMNS = 9;
    static final int SUMMARY_TABLE_ROW = 7;
    static final int PROGRAMME_COLUMNS = 5;
    static final int PROGRAMME_TABLE_ROW = 7;
    /** Above this many registers the workbook holds the summary only (a bloc has over 2,000). */
    static final int REGISTER_SHEETS_LIMIT = 100;

    private final CommitmentRegisters registers;
    private final Study study;
    private final ActionProgrammes programmes;
    private final OrganizationAccess access;
    private final Pages pages;
    private final MessageSource messages;

    ExportController(CommitmentRegisters registers, Study study, ActionProgrammes programmes, OrganizationAccess access,
            Pages pages, MessageSource messages) {
        this.registers = registers;
        this.study = study;
        this.programmes = programmes;
        this.access = access;
        this.pages = pages;
        this.messages = messages;
    }

    @GetMapping("/commitments/board/registers.xlsx")
    @ReadsCommitments
    ResponseEntity<byte[]> registers(@RequestParam UUID campaign, @RequestParam UUID organization, Caller caller,
            Locale locale) {
        OrganizationId root = pages.organization(organization, caller);
        CampaignView current = pages.campaign(campaign, root).orElseThrow();
        List<RegisterView> all = registers.list(current.id(), root);
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            StatutoryLayout layout = layout(book, locale);
            Sheet sheet = book.createSheet(text("commitments.export.registers", locale));
            layout.heading(sheet, SUMMARY_COLUMNS, pages.parentName(root), pages.name(root), null);
            layout.title(sheet, SUMMARY_COLUMNS, text("commitments.export.registers.summary", locale),
                    text("commitments.export.registers.subtitle", locale, current.resolutionNumber(), String.valueOf(current.year())));
            List<Object[]> rows = new ArrayList<>();
            int n = 1;
            for (RegisterView register : all) {
                for (ItemView item : register.items()) {
                    rows.add(new Object[] {n++, register.memberName(),
                            text("commitments.register.status." + register.status(), locale), item.content(),
                            item.task(), item.target(), DATE.format(item.deadline()), item.weight(),
                            result(item, locale)});
                }
            }
            layout.table(sheet, SUMMARY_TABLE_ROW, new String[] {text("commitments.export.position", locale),
                    text("commitments.export.member", locale), text("commitments.register.status", locale),
                    text("commitments.export.content", locale), text("commitments.export.task", locale),
                    text("commitments.export.target", locale), text("commitments.item.deadline", locale),
                    text("commitments.export.weight", locale), text("commitments.export.result", locale)}, rows,
                    new boolean[] {true, false, false, false, false, false, true, true, false});
            layout.widths(sheet, 6, 24, 14, 40, 24, 20, 12, 9, 24);
            // the form each member signs, one sheet each, where the subtree is a chapter's size
            if (all.size() <= REGISTER_SHEETS_LIMIT) {
                Map<MemberId, String> cards = cards(current.id(), root);
                Set<String> names = new HashSet<>();
                for (RegisterView register : all) {
                    Sheet form = book.createSheet(sheetName(register.memberName(), names));
                    registerForm(layout, form, register, cards.get(register.member()), locale);
                }
            }
            return workbook(book, "dang-ky-cam-ket-" + current.year() + ".xlsx");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One member's register as the form they sign. */
    @GetMapping("/commitments/registers/{id}.xlsx")
    @ReadsRegister
    ResponseEntity<byte[]> register(@PathVariable UUID id, Caller caller, Locale locale) {
        RegisterView register = registers.read(id, caller);
        String card = study.dutiesOf(register.member()).stream().filter(d -> d.campaign().equals(register.campaign()))
                .map(DutyView::cardNumber).findFirst().orElse(null);
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            Sheet form = book.createSheet(text("commitments.export.registers", locale));
            registerForm(layout(book, locale), form, register, card, locale);
            return workbook(book, "dang-ky-cam-ket-" + register.year() + "-" + (card == null ? "" : card) + ".xlsx");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void registerForm(StatutoryLayout layout, Sheet sheet, RegisterView register, String card,
            Locale locale) {
        layout.heading(sheet, FORM_COLUMNS, pages.parentName(register.organization()),
                pages.name(register.organization()), register.submittedOn());
        layout.title(sheet, FORM_COLUMNS, text("commitments.export.register.title", locale),
                text("commitments.export.registers.subtitle", locale, register.resolutionNumber(), String.valueOf(register.year())));
        layout.line(sheet, FORM_NAME_ROW, FORM_COLUMNS, text("commitments.export.fullName", locale,
                register.memberName()));
        layout.line(sheet, FORM_NAME_ROW + 1, FORM_COLUMNS, text("commitments.export.card", locale,
                card == null ? "" : card));
        layout.line(sheet, FORM_NAME_ROW + 2, FORM_COLUMNS, text("commitments.export.chapter", locale,
                pages.name(register.organization())));
        List<Object[]> rows = new ArrayList<>();
        for (ItemView item : register.items()) {
            rows.add(new Object[] {item.position(), item.content(), item.task(), item.target(),
                    DATE.format(item.deadline()), item.weight(), result(item, locale)});
        }
        int after = layout.table(sheet, FORM_TABLE_ROW, new String[] {text("commitments.export.position", locale),
                text("commitments.export.content", locale), text("commitments.export.task", locale),
                text("commitments.export.target", locale), text("commitments.item.deadline", locale),
                text("commitments.export.weight", locale), text("commitments.export.result", locale)}, rows,
                new boolean[] {true, false, false, false, true, true, false});
        layout.signatures(sheet, after + 1, FORM_COLUMNS,
                new String[] {text("commitments.export.sign.chapter", locale)},
                new String[] {text("commitments.export.sign.member", locale)}, null, register.memberName());
        layout.widths(sheet, 6, 40, 24, 20, 12, 9, 24);
    }

    /** The result column: the assessment once made, the progress until then. */
    private String result(ItemView item, Locale locale) {
        return switch (item.status()) {
            case OPEN -> item.progress() + "%";
            case FULFILLED -> text("commitments.item.status.FULFILLED", locale)
                    + (item.exceeded() ? " – " + text("commitments.item.exceeded", locale) : "")
                    + (item.assessment() == null ? "" : ": " + item.assessment());
            case MISSED -> text("commitments.item.status.MISSED", locale)
                    + (item.assessment() == null ? "" : ": " + item.assessment());
        };
    }

    @GetMapping("/commitments/programmes/{id}.xlsx")
    @ReadsCommitments
    ResponseEntity<byte[]> programme(@PathVariable UUID id, Caller caller, Locale locale) {
        ProgrammeView programme = programmes.find(id)
                .orElseThrow(() -> new Refused(CommitmentsRefusal.PROGRAMME_UNKNOWN, id));
        if (!access.maySee(caller, programme.organization())) {
            throw new Refused(CommitmentsRefusal.NOT_YOUR_CHAPTER);
        }
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            StatutoryLayout layout = layout(book, locale);
            Sheet sheet = book.createSheet(text("commitments.export.programme", locale));
            layout.heading(sheet, PROGRAMME_COLUMNS, pages.parentName(programme.organization()),
                    pages.name(programme.organization()), programme.adoptedOn());
            layout.title(sheet, PROGRAMME_COLUMNS, text("commitments.export.programme.heading", locale,
                    programme.resolutionNumber()), text("commitments.export.programme.subtitle", locale,
                    programme.title(), String.valueOf(programme.year())));
            List<Object[]> rows = new ArrayList<>();
            for (ProgrammeView.Task task : programme.tasks()) {
                rows.add(new Object[] {task.position(), task.task(), task.responsible(), DATE.format(task.deadline()),
                        text("commitments.programme.item.status." + task.status(), locale)});
            }
            int after = layout.table(sheet, PROGRAMME_TABLE_ROW, new String[] {
                    text("commitments.export.position", locale), text("commitments.programme.task", locale),
                    text("commitments.programme.responsible", locale), text("commitments.item.deadline", locale),
                    text("commitments.item.status", locale)}, rows, new boolean[] {true, false, false, true, true});
            if (!programme.adopted()) {
                layout.line(sheet, after, PROGRAMME_COLUMNS, text("commitments.programme.notAdopted", locale));
            }
            layout.signatures(sheet, after + 1, PROGRAMME_COLUMNS,
                    new String[] {text("commitments.export.sign.committee", locale),
                            text("commitments.export.sign.secretary", locale)},
                    new String[] {text("commitments.export.sign.agencyHead", locale)},
                    programme.adopted() ? programme.committeeSignerName() : null,
                    programme.adopted() ? programme.agencyHeadSignerName() : null);
            layout.widths(sheet, 6, 44, 24, 12, 16);
            return workbook(book, "chuong-trinh-hanh-dong-" + programme.year() + ".xlsx");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Map<MemberId, String> cards(UUID campaign, OrganizationId root) {
        Map<MemberId, String> cards = new HashMap<>();
        study.duties(campaign, root).forEach(d -> cards.put(d.member(), d.cardNumber()));
        return cards;
    }

    /** Excel's rules: at most 31 characters, none of []:*?/\, unique in the workbook. */
    static String sheetName(String name, Set<String> taken) {
        String base = name.replaceAll("[\\[\\]:*?/\\\\]", " ").strip();
        base = base.isEmpty() ? "-" : base.substring(0, Math.min(base.length(), 27));
        String candidate = base;
        for (int i = 2; !taken.add(candidate.toLowerCase(Locale.ROOT)); i++) {
            candidate = base + " (" + i + ")";
        }
        return candidate;
    }

    private StatutoryLayout layout(XSSFWorkbook book, Locale locale) {
        return new StatutoryLayout(book, (key, arguments) -> text(key, locale, arguments));
    }

    private String text(String key, Locale locale, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }

    private static ResponseEntity<byte[]> workbook(XSSFWorkbook book, String name) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        book.write(out);
        return ResponseEntity.ok().contentType(XLSX).header(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(name).build().toString()).body(out.toByteArray());
    }
}

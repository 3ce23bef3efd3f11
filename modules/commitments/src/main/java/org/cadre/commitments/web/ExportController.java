package org.cadre.commitments.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.cadre.commitments.ActionProgrammes;
import org.cadre.commitments.CampaignView;
import org.cadre.commitments.CommitmentRegisters;
import org.cadre.commitments.CommitmentsRefusal;
import org.cadre.commitments.ItemView;
import org.cadre.commitments.ProgrammeView;
import org.cadre.commitments.RegisterView;
import org.cadre.commitments.web.CommitmentRoles.ReadsCommitments;
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
 * Excel workbooks of a subtree's registers (one row per item, with the member, the status, progress and
 * assessment) and of a programme (its tasks, signatures and adoption), headed as the documents are: the
 * organization, the resolution, the year.
 */
@Controller
class ExportController {

    private static final MediaType XLSX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final CommitmentRegisters registers;
    private final ActionProgrammes programmes;
    private final OrganizationAccess access;
    private final Pages pages;
    private final MessageSource messages;

    ExportController(CommitmentRegisters registers, ActionProgrammes programmes, OrganizationAccess access,
            Pages pages, MessageSource messages) {
        this.registers = registers;
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
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            Sheet sheet = book.createSheet(text("commitments.export.registers", locale));
            row(sheet, 0, text("commitments.export.registers.title", locale, current.resolutionNumber(),
                    current.year()));
            row(sheet, 1, pages.name(root));
            row(sheet, 3, text("commitments.export.member", locale), text("commitments.register.status", locale),
                    text("commitments.item.position", locale), text("commitments.item.content", locale),
                    text("commitments.item.task", locale), text("commitments.item.target", locale),
                    text("commitments.item.deadline", locale), text("commitments.item.weight", locale),
                    text("commitments.item.progress", locale), text("commitments.item.status", locale),
                    text("commitments.item.assessment", locale));
            int r = 4;
            for (RegisterView register : registers.list(current.id(), root)) {
                for (ItemView item : register.items()) {
                    row(sheet, r++, register.memberName(),
                            text("commitments.register.status." + register.status(), locale), item.position(),
                            item.content(), item.task(), item.target(), DATE.format(item.deadline()), item.weight(),
                            item.progress(), text("commitments.item.status." + item.status(), locale),
                            item.assessment());
                }
            }
            return workbook(book, "dang-ky-cam-ket-" + current.year() + ".xlsx");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
            Sheet sheet = book.createSheet(text("commitments.export.programme", locale));
            row(sheet, 0, pages.name(programme.organization()));
            row(sheet, 1, text("commitments.export.programme.title", locale, programme.resolutionNumber(),
                    programme.year()));
            row(sheet, 2, programme.title());
            row(sheet, 4, text("commitments.item.position", locale), text("commitments.programme.task", locale),
                    text("commitments.programme.responsible", locale), text("commitments.item.deadline", locale),
                    text("commitments.item.status", locale));
            int r = 5;
            for (ProgrammeView.Task task : programme.tasks()) {
                row(sheet, r++, task.position(), task.task(), task.responsible(), DATE.format(task.deadline()),
                        text("commitments.programme.item.status." + task.status(), locale));
            }
            r++;
            row(sheet, r++, text("commitments.programme.committeeSigner", locale), programme.committeeSignerName());
            row(sheet, r++, text("commitments.programme.agencyHeadSigner", locale),
                    programme.agencyHeadSignerName());
            row(sheet, r, text("commitments.programme.adoptedOn", locale),
                    programme.adoptedOn() == null ? text("commitments.programme.notAdopted", locale)
                            : DATE.format(programme.adoptedOn()));
            return workbook(book, "chuong-trinh-hanh-dong-" + programme.year() + ".xlsx");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String text(String key, Locale locale, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }

    private static void row(Sheet sheet, int index, Object... values) {
        Row row = sheet.createRow(index);
        for (int c = 0; c < values.length; c++) {
            Object v = values[c];
            if (v instanceof Number n) {
                row.createCell(c).setCellValue(n.doubleValue());
            } else {
                row.createCell(c).setCellValue(v == null ? "" : v.toString());
            }
        }
    }

    private static ResponseEntity<byte[]> workbook(XSSFWorkbook book, String name) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        book.write(out);
        return ResponseEntity.ok().contentType(XLSX).header(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(name).build().toString()).body(out.toByteArray());
    }
}

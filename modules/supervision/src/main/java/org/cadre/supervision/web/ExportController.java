package org.cadre.supervision.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.cadre.organizations.MemberSummary;
import org.cadre.organizations.Members;
import org.cadre.organizations.OrganizationId;
import org.cadre.organizations.OrganizationSummary;
import org.cadre.organizations.Organizations;
import org.cadre.platform.Caller;
import org.cadre.supervision.ChapterMeetings;
import org.cadre.supervision.MeetingQuality;
import org.cadre.supervision.MeetingView;
import org.cadre.supervision.MemberAttendance;
import org.cadre.supervision.web.SupervisionRoles.ReadsSupervision;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** A chapter's meetings of a year as an Excel workbook: the figures, then one row per member and meeting. */
@Controller("supervisionExportController")
class ExportController {

    private static final MediaType XLSX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final ChapterMeetings meetings;
    private final Members members;
    private final Organizations organizations;
    private final Pages pages;
    private final MessageSource messages;

    ExportController(ChapterMeetings meetings, Members members, Organizations organizations, Pages pages,
            MessageSource messages) {
        this.meetings = meetings;
        this.members = members;
        this.organizations = organizations;
        this.pages = pages;
        this.messages = messages;
    }

    @GetMapping("/supervision/meetings.xlsx")
    @ReadsSupervision
    ResponseEntity<byte[]> meetings(@RequestParam UUID organization, @RequestParam int year, Caller caller,
            Locale locale) {
        OrganizationId chapter = pages.organization(organization, caller);
        MeetingQuality quality = meetings.quality(chapter, year, caller);
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            Sheet sheet = book.createSheet(text("supervision.meetings.title", locale));
            row(sheet, 0, text("supervision.meetings.heading", locale, pages.name(chapter), year));
            row(sheet, 1, text("supervision.quality.attendanceRate", locale),
                    String.format(locale, "%.1f %%", quality.attendanceRate() * 100),
                    text("supervision.quality.regular", locale),
                    quality.regularHeld() + "/" + quality.regularRequired(),
                    text("supervision.quality.thematic", locale),
                    quality.thematicHeld() + "/" + quality.thematicRequired());
            row(sheet, 3, text("supervision.meeting.heldOn", locale), text("supervision.meeting.kind", locale),
                    text("supervision.meeting.agenda", locale), text("supervision.member", locale),
                    text("supervision.meeting.attendance", locale), text("supervision.attendance.reason", locale));
            int r = 4;
            for (MeetingView m : meetings.list(chapter, year, caller)) {
                for (MemberAttendance a : m.attendance()) {
                    row(sheet, r++, DATE.format(m.heldOn()), text("supervision.meeting.kind." + m.kind(), locale),
                            m.agenda(), members.find(a.member()).map(MemberSummary::fullName).orElse(""),
                            text("supervision.attendance." + a.attendance(), locale),
                            a.reason() == null ? "" : a.reason());
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            book.write(out);
            String code = organizations.find(chapter).map(OrganizationSummary::code).orElse("chi-bo");
            return ResponseEntity.ok().contentType(XLSX).header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition
                    .attachment().filename("sinh-hoat-" + code + "-" + year + ".xlsx").build().toString())
                    .body(out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    private static void row(Sheet sheet, int index, String... values) {
        Row row = sheet.createRow(index);
        for (int c = 0; c < values.length; c++) {
            row.createCell(c).setCellValue(values[c]);
        }
    }
}

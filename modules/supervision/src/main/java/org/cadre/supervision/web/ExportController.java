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
import org.cadre.supervision.CommentView;
import org.cadre.supervision.DisciplineView;
import org.cadre.supervision.FindingView;
import org.cadre.supervision.InspectionView;
import org.cadre.supervision.ReminderView;
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

    private final org.cadre.supervision.Reminders reminders;
    private final org.cadre.supervision.Inspections inspections;
    private final org.cadre.supervision.Disciplines disciplines;
    private final org.cadre.supervision.Feedback feedback;

    ExportController(ChapterMeetings meetings, Members members, Organizations organizations, Pages pages,
            MessageSource messages, org.cadre.supervision.Reminders reminders,
            org.cadre.supervision.Inspections inspections, org.cadre.supervision.Disciplines disciplines,
            org.cadre.supervision.Feedback feedback) {
        this.reminders = reminders;
        this.inspections = inspections;
        this.disciplines = disciplines;
        this.feedback = feedback;
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

    /**
     * The subtree's supervision records as one workbook: reminders, inspections with their findings, disciplines of
     * the year and the comments of the year, a sheet each.
     */
    @GetMapping("/supervision/records.xlsx")
    @ReadsSupervision
    ResponseEntity<byte[]> records(@RequestParam UUID organization, @RequestParam int year, Caller caller,
            Locale locale) {
        OrganizationId root = pages.organization(organization, caller);
        java.util.Map<OrganizationId, String> names = pages.labels(root, java.time.LocalDate.of(year, 12, 31));
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            Sheet sheet = book.createSheet(text("nav.supervision.desk", locale));
            row(sheet, 0, pages.name(root));
            row(sheet, 1, text("supervision.member", locale), text("supervision.desk.aboutColumn", locale),
                    text("supervision.reminder.remindedOn", locale), text("supervision.reminder.dueOn", locale),
                    text("supervision.reminder.followedUpOn", locale), text("supervision.reminder.note", locale));
            int r = 2;
            for (ReminderView v : reminders.within(root, false, caller)) {
                if (v.remindedOn().getYear() == year) {
                    row(sheet, r++, v.memberName(), v.about(), DATE.format(v.remindedOn()), DATE.format(v.dueOn()),
                            v.followedUpOn() == null ? "" : DATE.format(v.followedUpOn()),
                            v.followUp() == null ? "" : v.followUp());
                }
            }
            sheet = book.createSheet(text("nav.supervision.inspections", locale));
            row(sheet, 0, text("supervision.inspection.title", locale), text("supervision.discipline.subject", locale),
                    text("supervision.inspection.openedOn", locale), text("supervision.finding.nature", locale),
                    text("supervision.finding.text", locale), text("supervision.finding.remedy", locale),
                    text("supervision.finding.remedyDue", locale), text("supervision.finding.resolvedOn", locale));
            r = 1;
            for (InspectionView i : inspections.within(root, caller)) {
                if (i.openedOn().getYear() != year) {
                    continue;
                }
                if (i.findings().isEmpty()) {
                    row(sheet, r++, i.title(), names.getOrDefault(i.organization(), ""), DATE.format(i.openedOn()));
                }
                for (FindingView f : i.findings()) {
                    row(sheet, r++, i.title(), names.getOrDefault(i.organization(), ""), DATE.format(i.openedOn()),
                            text("supervision.finding.nature." + f.nature(), locale), f.text(),
                            f.remedy() == null ? "" : f.remedy(),
                            f.remedyDue() == null ? "" : DATE.format(f.remedyDue()),
                            f.resolvedOn() == null ? "" : DATE.format(f.resolvedOn()));
                }
            }
            sheet = book.createSheet(text("nav.supervision.disciplines", locale));
            row(sheet, 0, text("supervision.discipline.subject", locale), text("supervision.discipline.form", locale),
                    text("supervision.discipline.decisionNumber", locale),
                    text("supervision.discipline.decidedOn", locale), text("supervision.discipline.issuer", locale),
                    text("supervision.discipline.violation", locale));
            r = 1;
            for (DisciplineView d : disciplines.within(root, year, caller)) {
                row(sheet, r++, d.member() == null ? names.getOrDefault(d.organization(), "")
                        : members.find(d.member()).map(MemberSummary::fullName).orElse(""),
                        text("supervision.discipline.form." + d.form(), locale), d.decision(),
                        DATE.format(d.decidedOn()), d.issuer(), d.violationText());
            }
            sheet = book.createSheet(text("supervision.reviewer.given", locale));
            row(sheet, 0, text("supervision.feedback.bodies", locale), text("supervision.discipline.subject", locale),
                    text("supervision.reviewer.stance", locale), text("supervision.reviewer.text", locale));
            r = 1;
            for (CommentView c : feedback.comments(root, year, caller)) {
                row(sheet, r++, c.bodyName(), c.subjectName(), text("supervision.stance." + c.stance(), locale),
                        c.text());
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            book.write(out);
            String code = organizations.find(root).map(OrganizationSummary::code).orElse("to-chuc");
            return ResponseEntity.ok().contentType(XLSX).header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition
                    .attachment().filename("giam-sat-" + code + "-" + year + ".xlsx").build().toString())
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

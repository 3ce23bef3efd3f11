package org.cadre.platform.audit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The administrators' view of the audit trail: filtered by module, kind, user and days, newest first, fifty to a
 * page, and the same selection as a workbook. There is no way to change a line here or anywhere else.
 */
@Controller
class AuditController {

    static final int PAGE = 50;
    /** A workbook of more lines than this is cut: narrow the filter (the page says how many match). */
    static final int EXPORT_LIMIT = 100_000;
    private static final MediaType XLSX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/uuuu HH:mm:ss");

    private final JdbcAuditTrail trail;
    private final MessageSource messages;
    private final ZoneId zone;
    private final Clock clock;

    AuditController(JdbcAuditTrail trail, MessageSource messages, @Value("${cadre.time-zone}") ZoneId zone,
            Clock clock) {
        this.trail = trail;
        this.clock = clock;
        this.messages = messages;
        this.zone = zone;
    }

    @GetMapping("/admin/audit")
    @PreAuthorize("hasRole('ADMIN')")
    String list(@RequestParam(required = false) String module, @RequestParam(required = false) String kind,
            @RequestParam(required = false) String user, @RequestParam(required = false) LocalDate from,
            @RequestParam(required = false) LocalDate to, @RequestParam(defaultValue = "1") int page,
            Locale locale, Model model) {
        AuditFilter filter = new AuditFilter(module, kind, user, from, to);
        long total = trail.count(filter);
        int pages = (int) Math.max(1, (total + PAGE - 1) / PAGE);
        int current = Math.min(Math.max(1, page), pages);
        model.addAttribute("filter", filter);
        model.addAttribute("total", total);
        model.addAttribute("page", current);
        model.addAttribute("pages", pages);
        model.addAttribute("kinds", trail.kinds());
        model.addAttribute("modules", trail.kinds().stream().map(k -> k.contains(".") ? k.substring(0,
                k.indexOf('.')) : k).distinct().toList());
        model.addAttribute("entries", trail.find(filter, (current - 1) * PAGE, PAGE).stream()
                .map(e -> view(e, locale)).toList());
        return "admin/audit";
    }

    @GetMapping("/admin/audit.xlsx")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<byte[]> export(@RequestParam(required = false) String module,
            @RequestParam(required = false) String kind, @RequestParam(required = false) String user,
            @RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to,
            Locale locale) {
        AuditFilter filter = new AuditFilter(module, kind, user, from, to);
        SXSSFWorkbook book = new SXSSFWorkbook(200);
        try {
            Sheet sheet = book.createSheet(text("audit.title", locale));
            // every cell a string cell: a name or a reason that starts with '=' stays text, never a formula
            row(sheet, 0, text("audit.at", locale), text("audit.user", locale), text("audit.roles", locale),
                    text("audit.module", locale), text("audit.kind", locale), text("audit.what", locale),
                    text("audit.target", locale), text("audit.organization", locale));
            int r = 1;
            for (AuditEntry entry : trail.find(filter, 0, EXPORT_LIMIT)) {
                Line line = view(entry, locale);
                row(sheet, r++, line.at(), line.user(), entry.roles(), entry.line().module(), entry.line().kind(),
                        line.what(), entry.line().target(),
                        entry.line().organization() == null ? "" : entry.line().organization().toString());
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            book.write(out);
            return ResponseEntity.ok().contentType(XLSX).header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition
                    .attachment().filename("nhat-ky-" + LocalDate.now(clock) + ".xlsx")
                    .build().toString()).body(out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            book.dispose();
        }
    }

    /** A line as a person reads it: the time in the committee's zone, who (or the system), and the what-text. */
    record Line(long id, String at, String user, String roles, String module, String kind, String what,
            String target) {
    }

    private Line view(AuditEntry entry, Locale locale) {
        var line = entry.line();
        String what = messages.getMessage(line.messageKey(), line.arguments().toArray(), null, locale);
        if (what == null) {
            // a kind a later release no longer describes: still shown, as its code and arguments
            what = line.kind() + " " + String.join(", ", line.arguments());
        }
        String user = entry.username().isEmpty() ? text("audit.system", locale) : entry.username();
        return new Line(entry.id(), time(entry.recordedAt()), user, entry.roles(), line.module(), line.kind(), what,
                line.target());
    }

    private String time(Instant instant) {
        return TIME.format(instant.atZone(zone));
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

    private static void row(Sheet sheet, int index, String... values) {
        Row row = sheet.createRow(index);
        for (int i = 0; i < values.length; i++) {
            row.createCell(i).setCellValue(values[i] == null ? "" : values[i]);
        }
    }
}

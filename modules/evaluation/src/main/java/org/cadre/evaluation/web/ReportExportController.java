package org.cadre.evaluation.web;

import java.util.Locale;
import java.util.UUID;
import org.cadre.evaluation.internal.reports.Report;
import org.cadre.evaluation.internal.reports.ReportPdf;
import org.cadre.evaluation.internal.reports.ReportService;
import org.cadre.evaluation.internal.reports.ReportWorkbook;
import org.cadre.evaluation.web.EvaluationRoles.ReadsCycles;
import org.cadre.platform.Caller;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** A report as an Excel workbook and as a printable PDF, for the cycle's scope or one organization of it. */
@Controller
class ReportExportController {

    private static final MediaType XLSX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final ReportService reports;
    private final ReportWorkbook workbook;
    private final ReportPdf pdf;

    ReportExportController(ReportService reports, ReportWorkbook workbook, ReportPdf pdf) {
        this.reports = reports;
        this.workbook = workbook;
        this.pdf = pdf;
    }

    @GetMapping("/evaluation/cycles/{cycle}/reports.xlsx")
    @ReadsCycles
    ResponseEntity<byte[]> cycleWorkbook(@PathVariable UUID cycle, Caller caller, Locale locale) {
        Report report = reports.cycle(cycle, caller);
        return file(workbook.write(report, locale), XLSX, name(report, "xlsx"));
    }

    @GetMapping("/evaluation/cycles/{cycle}/reports.pdf")
    @ReadsCycles
    ResponseEntity<byte[]> cyclePdf(@PathVariable UUID cycle, Caller caller, Locale locale) {
        Report report = reports.cycle(cycle, caller);
        return file(pdf.write(report, locale), MediaType.APPLICATION_PDF, name(report, "pdf"));
    }

    @GetMapping("/evaluation/cycles/{cycle}/reports/organizations/{organization}/report.xlsx")
    @ReadsCycles
    ResponseEntity<byte[]> organizationWorkbook(@PathVariable UUID cycle, @PathVariable UUID organization,
            Caller caller, Locale locale) {
        Report report = reports.organization(cycle, organization, caller);
        return file(workbook.write(report, locale), XLSX, name(report, "xlsx"));
    }

    @GetMapping("/evaluation/cycles/{cycle}/reports/organizations/{organization}/report.pdf")
    @ReadsCycles
    ResponseEntity<byte[]> organizationPdf(@PathVariable UUID cycle, @PathVariable UUID organization,
            Caller caller, Locale locale) {
        Report report = reports.organization(cycle, organization, caller);
        return file(pdf.write(report, locale), MediaType.APPLICATION_PDF, name(report, "pdf"));
    }

    /** A file name from the organization's code (letters, digits and dashes only) and the year. */
    private static String name(Report report, String extension) {
        String code = report.rootCode() == null ? "" : report.rootCode().replaceAll("[^A-Za-z0-9-]", "");
        return "xep-loai-" + (code.isEmpty() ? "bao-cao" : code) + "-" + report.year() + "." + extension;
    }

    private static ResponseEntity<byte[]> file(byte[] content, MediaType type, String name) {
        return ResponseEntity.ok().contentType(type).header(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(name).build().toString()).body(content);
    }
}

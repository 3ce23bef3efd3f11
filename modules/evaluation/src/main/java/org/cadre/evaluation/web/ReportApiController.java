package org.cadre.evaluation.web;

import java.util.UUID;
import org.cadre.evaluation.internal.reports.Report;
import org.cadre.evaluation.internal.reports.ReportService;
import org.cadre.evaluation.web.EvaluationRoles.ReadsCycles;
import org.cadre.platform.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The reports as JSON: the same figures as the pages (counts by level code, excluded, pending, the statutory table,
 * the comparison and the reasons for "not completed"). A refusal is an RFC 9457 problem.
 */
@RestController
@RequestMapping("/api/evaluation/cycles/{cycle}/reports")
class ReportApiController {

    private final ReportService reports;

    ReportApiController(ReportService reports) {
        this.reports = reports;
    }

    @GetMapping
    @ReadsCycles
    Report cycle(@PathVariable UUID cycle, Caller caller) {
        return reports.cycle(cycle, caller);
    }

    @GetMapping("/organizations/{organization}")
    @ReadsCycles
    Report organization(@PathVariable UUID cycle, @PathVariable UUID organization, Caller caller) {
        return reports.organization(cycle, organization, caller);
    }
}

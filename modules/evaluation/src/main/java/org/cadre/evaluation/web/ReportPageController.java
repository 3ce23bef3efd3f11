package org.cadre.evaluation.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.cadre.evaluation.internal.reports.Columns;
import org.cadre.evaluation.internal.reports.Distribution;
import org.cadre.evaluation.internal.reports.Report;
import org.cadre.evaluation.internal.reports.ReportService;
import org.cadre.evaluation.web.EvaluationRoles.ReadsCycles;
import org.cadre.organizations.OrganizationAccess;
import org.cadre.organizations.OrganizationId;
import org.cadre.platform.Caller;
import org.cadre.platform.Role;
import org.cadre.ratingrules.RulePackRegistry.Level;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import tools.jackson.databind.json.JsonMapper;

/**
 * The report pages of a cycle: its whole scope, and one organization of it. The charts are drawn by ECharts in the
 * browser from the figures the page embeds as JSON (a data block, not a script: the content security policy allows
 * no inline script), the same figures as the tables beside them.
 */
@Controller
class ReportPageController {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ReportService reports;
    private final MessageSource messages;
    private final OrganizationAccess access;

    ReportPageController(ReportService reports, MessageSource messages, OrganizationAccess access) {
        this.reports = reports;
        this.messages = messages;
        this.access = access;
    }

    @GetMapping("/evaluation/cycles/{cycle}/reports")
    @ReadsCycles
    String cycle(@PathVariable UUID cycle, Caller caller, Locale locale, Model model) {
        return page(reports.cycle(cycle, caller), caller, locale, model);
    }

    @GetMapping("/evaluation/cycles/{cycle}/reports/organizations/{organization}")
    @ReadsCycles
    String organization(@PathVariable UUID cycle, @PathVariable UUID organization, Caller caller, Locale locale,
            Model model) {
        return page(reports.organization(cycle, organization, caller), caller, locale, model);
    }

    private String page(Report report, Caller caller, Locale locale, Model model) {
        // the way back to the whole cycle's report only for those who may read it (as the report's own check)
        model.addAttribute("canSeeWhole", caller.hasAny(Role.ADMIN, Role.EVALUATOR) || caller.has(Role.SECRETARY)
                && access.mayChange(caller, new OrganizationId(report.scope())));
        String language = locale.getLanguage();
        model.addAttribute("report", report);
        model.addAttribute("language", language);
        model.addAttribute("statutoryLevels", Columns.statutory(report));
        model.addAttribute("base", report.wholeCycle() ? "/evaluation/cycles/" + report.cycle() + "/reports"
                : "/evaluation/cycles/" + report.cycle() + "/reports/organizations/" + report.root());
        model.addAttribute("chartData", charts(report, locale));
        return "evaluation/reports/report";
    }

    /**
     * The charts' figures: for members and for organizations, the count at each level this year and, when there is
     * one, the previous year. Characters that could close the data block are escaped.
     */
    private String charts(Report report, Locale locale) {
        String language = locale.getLanguage();
        List<Map<String, Object>> charts = new ArrayList<>();
        for (String subject : List.of("MEMBER", "ORGANIZATION")) {
            boolean member = subject.equals("MEMBER");
            Report.Comparison comparison = report.comparison();
            List<Level> levels = comparison == null ? (member ? report.memberScale() : report.organizationScale())
                    : (member ? comparison.memberLevels() : comparison.organizationLevels());
            Distribution now = member ? report.members() : report.organizations();
            List<Map<String, Object>> series = new ArrayList<>();
            series.add(series(String.valueOf(report.year()), levels, now));
            if (comparison != null) {
                series.add(series(String.valueOf(comparison.previousYear()), levels,
                        member ? comparison.membersBefore() : comparison.organizationsBefore()));
            }
            Map<String, Object> chart = new LinkedHashMap<>();
            chart.put("id", member ? "chart-members" : "chart-organizations");
            chart.put("title", messages.getMessage(member ? "evaluation.reports.chart.members"
                    : "evaluation.reports.chart.organizations", null, locale));
            chart.put("categories", levels.stream().map(l -> l.label(language)).toList());
            chart.put("series", series);
            charts.add(chart);
        }
        return JSON.writeValueAsString(Map.of("charts", charts)).replace("<", "\\u003c").replace(">", "\\u003e")
                .replace("&", "\\u0026");
    }

    private static Map<String, Object> series(String name, List<Level> levels, Distribution d) {
        Map<String, Object> series = new LinkedHashMap<>();
        series.put("name", name);
        series.put("data", levels.stream().map(l -> d.count(l.code())).toList());
        return series;
    }
}

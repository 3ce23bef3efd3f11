package org.cadre.ratingrules.internal;

import java.util.Map;
import org.cadre.platform.JobContext;
import org.cadre.platform.JobHandler;
import org.cadre.platform.Refused;
import org.cadre.ratingrules.PackJobResult;
import org.cadre.ratingrules.PackRefusals;
import org.cadre.ratingrules.PackState;
import org.cadre.ratingrules.PackVersion;
import org.cadre.ratingrules.RatingRulesRefusal;
import org.cadre.ratingrules.ValidationReport;
import org.cadre.ratingrules.engine.PackValidator;
import org.cadre.ratingrules.pack.PackFiles;
import org.springframework.stereotype.Component;

/**
 * Validates an upload or an edit on the job table (the checks, the compilation, then each scenario, as its
 * progress), stores it as a new version (a draft when it does not validate) and activates it if asked. Compiling
 * and testing a large pack takes seconds: it runs on a worker, never on a request thread.
 */
@Component
class PackStoreJob implements JobHandler {

    private final RulePackService service;

    PackStoreJob(RulePackService service) {
        this.service = service;
    }

    @Override
    public String kind() {
        return RulePackService.JOB_KIND;
    }

    @Override
    public PackJobResult run(JobContext job) {
        Map<String, String> parameters = job.parameters();
        String author = job.caller().username();
        PackValidator.Progress progress = job::progress;
        PackVersion stored;
        try {
            if ("upload".equals(parameters.get("op"))) {
                // checked again: another upload may have taken the version since the job was queued
                stored = service.store(service.checkedUpload(job.input(), author), author, "UPLOAD", null, progress);
            } else {
                int base = Integer.parseInt(parameters.get("base"));
                PackFiles changes = "files".equals(parameters.get("op")) ? PackFiles.fromZip(job.input())
                        : PackFiles.of(Map.of(parameters.get("path"), job.input()));
                stored = service.store(service.checkedEdit(parameters.get("packId"), base, changes), author, "EDIT",
                        base, progress);
            }
        } catch (Refused refused) {
            Integer draft = PackRefusals.draftVersion(refused);
            ValidationReport report = PackRefusals.report(refused);
            if (refused.reason() == RatingRulesRefusal.INVALID_PACK && draft != null && report != null) {
                // stored as a draft: its report is on the version, where the job's page leads
                return new PackJobResult(report.packId(), draft, PackState.DRAFT, false);
            }
            throw refused;
        }
        if (Boolean.parseBoolean(parameters.get("activate"))) {
            stored = service.activate(stored.packId(), stored.version(), author);
        }
        return new PackJobResult(stored.packId(), stored.version(), stored.state(), true);
    }
}

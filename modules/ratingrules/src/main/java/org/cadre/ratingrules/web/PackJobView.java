package org.cadre.ratingrules.web;

import java.util.Locale;
import org.cadre.platform.Job;
import org.cadre.ratingrules.PackJobResult;
import org.springframework.context.MessageSource;

/**
 * A job of the rule-pack registry as the API answers it.
 *
 * @param result  what it stored, once it succeeded (a draft when {@code valid} is false)
 * @param problem why it failed: the reason's code and its text in the caller's language
 */
record PackJobView(String id, Job.State state, int done, int total, int percent, Stored result, Problem problem) {

    record Stored(String packId, int version, String state, boolean valid, String versionUrl) {
    }

    record Problem(String reason, String detail) {
    }

    static PackJobView of(Job job, PackJobResult result, MessageSource messages, Locale locale) {
        Stored stored = result == null ? null : new Stored(result.packId(), result.version(), result.state().name(),
                result.valid(), "/api/rule-packs/" + result.packId() + "/versions/" + result.version());
        Problem problem = job.problemKey() == null ? null : new Problem(
                job.problemKey().substring(job.problemKey().lastIndexOf('.') + 1),
                messages.getMessage(job.problemKey(), job.problemArguments().toArray(), job.problemKey(), locale));
        return new PackJobView(job.id().toString(), job.state(), job.done(), job.total(), job.percent(), stored,
                problem);
    }
}

package org.cadre.ratingrules.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.cadre.platform.Caller;
import org.cadre.platform.Dates;
import org.cadre.platform.Job;
import org.cadre.platform.JobId;
import org.cadre.platform.Refused;
import org.cadre.ratingrules.AuditEntry;
import org.cadre.ratingrules.PackDiff;
import org.cadre.ratingrules.PackJobResult;
import org.cadre.ratingrules.PackParameter;
import org.cadre.ratingrules.PackRefusals;
import org.cadre.ratingrules.PackSummary;
import org.cadre.ratingrules.PackVersion;
import org.cadre.ratingrules.RatingRules;
import org.cadre.ratingrules.RatingRulesRefusal;
import org.cadre.ratingrules.Ratings;
import org.cadre.ratingrules.RulePackRegistry;
import org.cadre.ratingrules.ValidationReport;
import org.cadre.ratingrules.facts.MemberFacts;
import org.cadre.ratingrules.facts.OrganizationFacts;
import org.cadre.ratingrules.facts.Proposal;
import org.cadre.ratingrules.facts.SubjectFacts;
import org.cadre.ratingrules.pack.PackFiles;
import org.cadre.ratingrules.pack.ScenarioReader;
import org.cadre.ratingrules.web.RulePackRoles.ChangesPacks;
import org.cadre.ratingrules.web.RulePackRoles.ReadsPacks;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.HandlerMapping;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * JSON API of rule packs for rule administrators ({@code RULE_ADMIN}, {@code ADMIN}); evaluators may read and
 * evaluate. Errors are RFC 9457 problem details; a pack that does not validate carries its problems.
 */
@RestController
@RequestMapping("/api/rule-packs")
class RulePackApiController {

    private final RulePackRegistry registry;
    private final RatingRules rules;
    private final MessageSource messages;
    private final Duration apiWait;
    private final int maxSubjects;

    RulePackApiController(RulePackRegistry registry, RatingRules rules, MessageSource messages,
            @Value("${cadre.rating-rules.api-wait:30s}") Duration apiWait,
            @Value("${cadre.rating-rules.max-subjects:10000}") int maxSubjects) {
        this.registry = registry;
        this.rules = rules;
        this.messages = messages;
        this.apiWait = apiWait;
        this.maxSubjects = maxSubjects;
    }

    @GetMapping
    @ReadsPacks
    List<PackSummary> packs() {
        return registry.packs();
    }

    /**
     * Upload a zip of a pack (the raw body, or a multipart part named {@code file}). It is checked at once, then
     * validated, stored and (if asked) activated by a job: the answer waits for the job (201 with the version, or
     * 422 with the draft's problems) unless it takes longer than {@code cadre.rating-rules.api-wait} or the client
     * sends {@code Prefer: respond-async}, which get 202 and the job to poll in {@code Location}.
     */
    @PostMapping(consumes = {"application/zip", MediaType.APPLICATION_OCTET_STREAM_VALUE})
    @ChangesPacks
    ResponseEntity<?> upload(@RequestParam(defaultValue = "false") boolean activate,
            @RequestHeader(name = "Prefer", required = false) String prefer,
            jakarta.servlet.http.HttpServletRequest request, Caller caller) throws IOException {
        byte[] zip = body(request, PackFiles.MAX_ZIP_BYTES);
        return answer(registry.submitUpload(zip, activate, caller), prefer, caller);
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ChangesPacks
    ResponseEntity<?> uploadForm(@RequestParam("file") MultipartFile file,
            @RequestParam(defaultValue = "false") boolean activate,
            @RequestHeader(name = "Prefer", required = false) String prefer, Caller caller) throws IOException {
        if (file.getSize() > PackFiles.MAX_ZIP_BYTES) {
            throw tooLarge(PackFiles.MAX_ZIP_BYTES);
        }
        return answer(registry.submitUpload(file.getBytes(), activate, caller), prefer, caller);
    }

    /** A job of an upload or an edit: its state and progress, and once done what it stored or why it failed. */
    @GetMapping("/jobs/{id}")
    @ChangesPacks
    PackJobView job(@PathVariable UUID id, Caller caller, Locale locale) {
        Job job = registry.job(new JobId(id), caller)
                .orElseThrow(() -> new Refused(RatingRulesRefusal.JOB_UNKNOWN, id));
        return PackJobView.of(job, registry.result(job).orElse(null), messages, locale);
    }

    @GetMapping("/{packId}/versions")
    @ReadsPacks
    List<PackVersion> versions(@PathVariable String packId) {
        return registry.versions(packId);
    }

    @GetMapping("/{packId}/versions/{version}")
    @ReadsPacks
    PackVersion version(@PathVariable String packId, @PathVariable int version) {
        return registry.version(packId, version);
    }

    @GetMapping("/{packId}/versions/{version}/files")
    @ReadsPacks
    List<String> files(@PathVariable String packId, @PathVariable int version) {
        return List.copyOf(registry.files(packId, version).keySet());
    }

    @GetMapping("/{packId}/versions/{version}/files/**")
    @ReadsPacks
    ResponseEntity<byte[]> file(@PathVariable String packId, @PathVariable int version,
            jakarta.servlet.http.HttpServletRequest request) {
        String path = filePath(request, packId, version);
        byte[] content = registry.files(packId, version).get(path);
        if (content == null) {
            throw new Refused(RatingRulesRefusal.FILE_NOT_FOUND, path);
        }
        MediaType type = path.endsWith(".xlsx") ? MediaType.APPLICATION_OCTET_STREAM
                : new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8);
        return ResponseEntity.ok().contentType(type).body(content);
    }

    /** A new version with one file replaced or added (text or XLSX as the raw body), stored by a job as uploads are. */
    @PutMapping("/{packId}/versions/{version}/files/**")
    @ChangesPacks
    ResponseEntity<?> saveFile(@PathVariable String packId, @PathVariable int version,
            @RequestParam(defaultValue = "false") boolean activate,
            @RequestHeader(name = "Prefer", required = false) String prefer,
            jakarta.servlet.http.HttpServletRequest request, Caller caller) throws IOException {
        String path = filePath(request, packId, version);
        byte[] content = body(request, PackFiles.MAX_FILE_BYTES);
        return answer(registry.submitFile(packId, version, path, content, activate, caller), prefer, caller);
    }

    /**
     * A new version with several files replaced or added at once, validated as one: multipart, each part named by
     * the file's path in the pack ({@code -F "members.drl=@members.drl" -F "scenarios/x.yaml=@x.yaml"}).
     */
    @PostMapping(path = "/{packId}/versions/{version}/files", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ChangesPacks
    ResponseEntity<?> saveFiles(@PathVariable String packId, @PathVariable int version,
            @RequestParam(defaultValue = "false") boolean activate,
            @RequestHeader(name = "Prefer", required = false) String prefer,
            org.springframework.web.multipart.MultipartHttpServletRequest request, Caller caller)
            throws IOException {
        Map<String, byte[]> files = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, List<MultipartFile>> part : request.getMultiFileMap().entrySet()) {
            for (MultipartFile file : part.getValue()) {
                if (files.put(part.getKey(), file.getBytes()) != null) {
                    throw new Refused(RatingRulesRefusal.FILE_PATH, part.getKey());
                }
            }
        }
        return answer(registry.submitFiles(packId, version, files, activate, caller), prefer, caller);
    }

    @GetMapping("/{packId}/versions/{version}/parameters")
    @ReadsPacks
    List<PackParameter> parameters(@PathVariable String packId, @PathVariable int version) {
        return registry.parameters(packId, version);
    }

    /** A new version with parameter values changed: {@code {"minCompletionRatio": "0.6"}}. */
    @PostMapping("/{packId}/versions/{version}/parameters")
    @ChangesPacks
    ResponseEntity<PackVersion> changeParameters(@PathVariable String packId, @PathVariable int version,
            @RequestBody Map<String, Object> values, @RequestParam(defaultValue = "false") boolean activate,
            Caller caller) {
        Map<String, String> text = new java.util.LinkedHashMap<>();
        values.forEach((name, value) -> text.put(name, value == null ? null : String.valueOf(value)));
        return created(registry.changeParameters(packId, version, text, caller.username()), activate, caller);
    }

    @GetMapping("/{packId}/versions/{version}/rules")
    @ReadsPacks
    List<RulePackRegistry.RuleInfo> ruleList(@PathVariable String packId, @PathVariable int version) {
        return registry.rules(packId, version);
    }

    /** Compile and run every scenario again: the report lists problems and scenarios expected against actual. */
    @PostMapping("/{packId}/versions/{version}/validate")
    @ChangesPacks
    ValidationReport validate(@PathVariable String packId, @PathVariable int version) {
        return registry.validate(packId, version);
    }

    @PostMapping("/{packId}/versions/{version}/activate")
    @ChangesPacks
    PackVersion activate(@PathVariable String packId, @PathVariable int version, Caller caller) {
        return registry.activate(packId, version, caller.username());
    }

    @PostMapping("/{packId}/versions/{version}/retire")
    @ChangesPacks
    PackVersion retire(@PathVariable String packId, @PathVariable int version, Caller caller) {
        return registry.retire(packId, version, caller.username());
    }

    @PostMapping("/{packId}/rollback")
    @ChangesPacks
    PackVersion rollback(@PathVariable String packId, @RequestParam("to") int version, Caller caller) {
        return registry.rollback(packId, version, caller.username());
    }

    @GetMapping("/{packId}/diff")
    @ReadsPacks
    PackDiff diff(@PathVariable String packId, @RequestParam int from, @RequestParam int to) {
        return registry.diff(packId, from, to);
    }

    @GetMapping("/{packId}/audit")
    @ReadsPacks
    List<AuditEntry> audit(@PathVariable String packId) {
        return registry.audit(packId);
    }

    @GetMapping("/audit")
    @ReadsPacks
    List<AuditEntry> auditAll() {
        return registry.audit(null);
    }

    /**
     * Rates subjects with the pack active for the year: {@code {"year": 2024, "members": [...], "organizations":
     * [...]}}, each subject with the properties of MemberFacts or OrganizationFacts (an unknown name is refused).
     * The year is one Cadre accepts ({@link Dates}), the batch at most {@code cadre.rating-rules.max-subjects}
     * subjects, and the facts possible ({@link EvaluationInput}).
     */
    @PostMapping("/evaluate")
    @ReadsPacks
    Ratings evaluate(@RequestBody JsonNode request) {
        JsonNode year = request.get("year");
        if (year == null || !year.isIntegralNumber()) {
            throw new Refused(RatingRulesRefusal.YEAR_REQUIRED);
        }
        Dates.year("year", year.canConvertToLong() ? year.longValue() : Long.MAX_VALUE);
        EvaluationInput.checkSize(request.get("members"), request.get("organizations"), maxSubjects);
        EvaluationInput.checkNotNegative(request.get("members"), "members");
        EvaluationInput.checkNotNegative(request.get("organizations"), "organizations");
        List<MemberFacts> members = subjects(request.get("members"), "members", MemberFacts.class);
        List<OrganizationFacts> organizations = subjects(request.get("organizations"), "organizations",
                OrganizationFacts.class);
        if (members.isEmpty() && organizations.isEmpty()) {
            throw new Refused(RatingRulesRefusal.NOTHING_TO_EVALUATE);
        }
        EvaluationInput.checkConsistent(members, organizations);
        EvaluationInput.checkCriteria(rules, registry, year.intValue(), Proposal.Subject.MEMBER, members, "members");
        EvaluationInput.checkCriteria(rules, registry, year.intValue(), Proposal.Subject.ORGANIZATION, organizations,
                "organizations");
        if (!members.isEmpty() && !organizations.isEmpty()) {
            return rules.evaluateAll(year.intValue(), members, organizations);
        }
        return members.isEmpty() ? rules.evaluate(year.intValue(), Proposal.Subject.ORGANIZATION, organizations)
                : rules.evaluate(year.intValue(), Proposal.Subject.MEMBER, members);
    }

    private static <T extends SubjectFacts> List<T> subjects(JsonNode node, String field, Class<T> type) {
        List<T> subjects = new ArrayList<>();
        if (node == null || node.isNull()) {
            return subjects;
        }
        int i = 0;
        for (JsonNode item : node) {
            String at = field + "[" + i++ + "]";
            try {
                subjects.add(ScenarioReader.facts(item, type));
            } catch (UnrecognizedPropertyException e) {
                throw new Refused(RatingRulesRefusal.FACT_UNKNOWN, at + "." + e.getPropertyName(),
                        type.getSimpleName());
            } catch (JacksonException e) {
                throw new Refused(RatingRulesRefusal.FACT_UNREADABLE, at, e.getOriginalMessage());
            }
        }
        return subjects;
    }

    /**
     * The answer to a queued upload or edit: what the job stored (201), the draft's problems (422) or the job's
     * refusal, once it is done within the wait; otherwise, or when the client prefers it, 202 and the job to poll.
     */
    private ResponseEntity<?> answer(JobId id, String prefer, Caller caller) {
        Job job = prefer != null && prefer.contains("respond-async") ? null : waitFor(id, caller);
        if (job == null || !job.finished()) {
            URI location = URI.create("/api/rule-packs/jobs/" + id);
            return ResponseEntity.accepted().location(location).body(Map.of("job", id.toString(),
                    "status", location.toString()));
        }
        if (job.state() == Job.State.FAILED) {
            throw refusalOf(job);
        }
        PackJobResult result = registry.result(job).orElseThrow();
        PackVersion version = registry.version(result.packId(), result.version());
        if (!result.valid()) {
            throw PackRefusals.refused(RatingRulesRefusal.INVALID_PACK, version.report(), version.version());
        }
        return ResponseEntity.created(URI.create("/api/rule-packs/" + version.packId() + "/versions/"
                + version.version())).body(version);
    }

    /** A parameter change validates in the request: it changes values only, in a pack that validated before. */
    private ResponseEntity<PackVersion> created(PackVersion version, boolean activate, Caller caller) {
        PackVersion result = activate ? registry.activate(version.packId(), version.version(), caller.username())
                : version;
        return ResponseEntity.created(URI.create("/api/rule-packs/" + result.packId() + "/versions/"
                + result.version())).body(result);
    }

    /** Polls the job table until the job is done or the wait is over (a job may run on another instance). */
    private Job waitFor(JobId id, Caller caller) {
        long deadline = System.nanoTime() + apiWait.toNanos();
        while (true) {
            Job job = registry.job(id, caller).orElseThrow(() -> new Refused(RatingRulesRefusal.JOB_UNKNOWN, id));
            if (job.finished() || System.nanoTime() > deadline) {
                return job;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return job;
            }
        }
    }

    /** The refusal a job failed with, as the API answers it when it waited: the same reason and arguments. */
    private static RuntimeException refusalOf(Job job) {
        return Arrays.stream(RatingRulesRefusal.values()).filter(r -> r.messageKey().equals(job.problemKey()))
                .findFirst().<RuntimeException>map(r -> new Refused(r, job.problemArguments().toArray()))
                .orElseGet(() -> new IllegalStateException("The rule pack job " + job.id() + " failed: "
                        + job.problemKey()));
    }

    /**
     * The raw request body, read at most up to {@code limit} bytes: a declared Content-Length above the limit is
     * refused before reading, and a body without one (chunked) is refused as soon as it passes the limit.
     */
    static byte[] body(jakarta.servlet.http.HttpServletRequest request, long limit) throws IOException {
        if (request.getContentLengthLong() > limit) {
            throw tooLarge(limit);
        }
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            if (body.length > limit) {
                throw tooLarge(limit);
            }
            return body;
        }
    }

    static Refused tooLarge(long limit) {
        return new Refused(RatingRulesRefusal.TOO_LARGE, String.valueOf(limit),
                String.valueOf(limit / (1024 * 1024)));
    }

    private static String filePath(jakarta.servlet.http.HttpServletRequest request, String packId, int version) {
        String uri = (String) request.getAttribute(HandlerMapping.PATH_WITHIN_HANDLER_MAPPING_ATTRIBUTE);
        String prefix = "/api/rule-packs/" + packId + "/versions/" + version + "/files/";
        String path = uri != null && uri.startsWith(prefix) ? uri.substring(prefix.length()) : "";
        return java.net.URLDecoder.decode(path, StandardCharsets.UTF_8);
    }
}

package org.cadre.ratingrules.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cadre.ratingrules.AuditEntry;
import org.cadre.ratingrules.Evaluation;
import org.cadre.ratingrules.PackDiff;
import org.cadre.ratingrules.PackParameter;
import org.cadre.ratingrules.PackSummary;
import org.cadre.ratingrules.PackVersion;
import org.cadre.ratingrules.RatingRules;
import org.cadre.ratingrules.RulePackRejected;
import org.cadre.ratingrules.ValidationReport;
import org.cadre.ratingrules.facts.MemberFacts;
import org.cadre.ratingrules.facts.OrganizationFacts;
import org.cadre.ratingrules.facts.Proposal;
import org.cadre.ratingrules.facts.SubjectFacts;
import org.cadre.ratingrules.pack.PackFiles;
import org.cadre.ratingrules.pack.ScenarioReader;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
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

    static final String READ = "hasAnyRole('RULE_ADMIN', 'ADMIN', 'EVALUATOR')";
    static final String WRITE = "hasAnyRole('RULE_ADMIN', 'ADMIN')";

    private final RatingRules rules;

    RulePackApiController(RatingRules rules) {
        this.rules = rules;
    }

    @GetMapping
    @PreAuthorize(READ)
    List<PackSummary> packs() {
        return rules.packs();
    }

    /** Upload a zip of a pack (the raw body, or a multipart part named {@code file}). */
    @PostMapping(consumes = {"application/zip", MediaType.APPLICATION_OCTET_STREAM_VALUE})
    @PreAuthorize(WRITE)
    ResponseEntity<PackVersion> upload(@RequestParam(defaultValue = "false") boolean activate,
            jakarta.servlet.http.HttpServletRequest request, Principal principal) throws IOException {
        byte[] zip = body(request, PackFiles.MAX_ZIP_BYTES);
        return created(rules.upload(zip, principal.getName()), activate, principal);
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize(WRITE)
    ResponseEntity<PackVersion> uploadForm(@RequestParam("file") MultipartFile file,
            @RequestParam(defaultValue = "false") boolean activate, Principal principal) throws IOException {
        if (file.getSize() > PackFiles.MAX_ZIP_BYTES) {
            throw tooLarge(PackFiles.MAX_ZIP_BYTES);
        }
        return created(rules.upload(file.getBytes(), principal.getName()), activate, principal);
    }

    @GetMapping("/{packId}/versions")
    @PreAuthorize(READ)
    List<PackVersion> versions(@PathVariable String packId) {
        return rules.versions(packId);
    }

    @GetMapping("/{packId}/versions/{version}")
    @PreAuthorize(READ)
    PackVersion version(@PathVariable String packId, @PathVariable int version) {
        return rules.version(packId, version);
    }

    @GetMapping("/{packId}/versions/{version}/files")
    @PreAuthorize(READ)
    List<String> files(@PathVariable String packId, @PathVariable int version) {
        return List.copyOf(rules.files(packId, version).keySet());
    }

    @GetMapping("/{packId}/versions/{version}/files/**")
    @PreAuthorize(READ)
    ResponseEntity<byte[]> file(@PathVariable String packId, @PathVariable int version,
            jakarta.servlet.http.HttpServletRequest request) {
        String path = filePath(request, packId, version);
        byte[] content = rules.files(packId, version).get(path);
        if (content == null) {
            throw new RulePackRejected(HttpStatus.NOT_FOUND, "file-not-found", path);
        }
        MediaType type = path.endsWith(".xlsx") ? MediaType.APPLICATION_OCTET_STREAM
                : new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8);
        return ResponseEntity.ok().contentType(type).body(content);
    }

    /** A new version with one file replaced or added (text or XLSX as the raw body). */
    @PutMapping("/{packId}/versions/{version}/files/**")
    @PreAuthorize(WRITE)
    ResponseEntity<PackVersion> saveFile(@PathVariable String packId, @PathVariable int version,
            @RequestParam(defaultValue = "false") boolean activate, jakarta.servlet.http.HttpServletRequest request,
            Principal principal) throws IOException {
        String path = filePath(request, packId, version);
        byte[] content = body(request, PackFiles.MAX_FILE_BYTES);
        return created(rules.saveFile(packId, version, path, content, principal.getName()), activate, principal);
    }

    @GetMapping("/{packId}/versions/{version}/parameters")
    @PreAuthorize(READ)
    List<PackParameter> parameters(@PathVariable String packId, @PathVariable int version) {
        return rules.parameters(packId, version);
    }

    /** A new version with parameter values changed: {@code {"minCompletionRatio": "0.6"}}. */
    @PostMapping("/{packId}/versions/{version}/parameters")
    @PreAuthorize(WRITE)
    ResponseEntity<PackVersion> changeParameters(@PathVariable String packId, @PathVariable int version,
            @RequestBody Map<String, Object> values, @RequestParam(defaultValue = "false") boolean activate,
            Principal principal) {
        Map<String, String> text = new java.util.LinkedHashMap<>();
        values.forEach((name, value) -> text.put(name, value == null ? null : String.valueOf(value)));
        return created(rules.changeParameters(packId, version, text, principal.getName()), activate, principal);
    }

    @GetMapping("/{packId}/versions/{version}/rules")
    @PreAuthorize(READ)
    List<RatingRules.RuleInfo> ruleList(@PathVariable String packId, @PathVariable int version) {
        return rules.rules(packId, version);
    }

    /** Compile and run every scenario again: the report lists problems and scenarios expected against actual. */
    @PostMapping("/{packId}/versions/{version}/validate")
    @PreAuthorize(WRITE)
    ValidationReport validate(@PathVariable String packId, @PathVariable int version) {
        return rules.validate(packId, version);
    }

    @PostMapping("/{packId}/versions/{version}/activate")
    @PreAuthorize(WRITE)
    PackVersion activate(@PathVariable String packId, @PathVariable int version, Principal principal) {
        return rules.activate(packId, version, principal.getName());
    }

    @PostMapping("/{packId}/versions/{version}/retire")
    @PreAuthorize(WRITE)
    PackVersion retire(@PathVariable String packId, @PathVariable int version, Principal principal) {
        return rules.retire(packId, version, principal.getName());
    }

    @PostMapping("/{packId}/rollback")
    @PreAuthorize(WRITE)
    PackVersion rollback(@PathVariable String packId, @RequestParam("to") int version, Principal principal) {
        return rules.rollback(packId, version, principal.getName());
    }

    @GetMapping("/{packId}/diff")
    @PreAuthorize(READ)
    PackDiff diff(@PathVariable String packId, @RequestParam int from, @RequestParam int to) {
        return rules.diff(packId, from, to);
    }

    @GetMapping("/{packId}/audit")
    @PreAuthorize(READ)
    List<AuditEntry> audit(@PathVariable String packId) {
        return rules.audit(packId);
    }

    @GetMapping("/audit")
    @PreAuthorize(READ)
    List<AuditEntry> auditAll() {
        return rules.audit(null);
    }

    /**
     * Rates subjects with the pack active for the year: {@code {"year": 2024, "members": [...], "organizations":
     * [...]}}, each subject with the properties of MemberFacts or OrganizationFacts (an unknown name is refused).
     */
    @PostMapping("/evaluate")
    @PreAuthorize(READ)
    Evaluation evaluate(@RequestBody JsonNode request) {
        JsonNode year = request.get("year");
        if (year == null || !year.isIntegralNumber()) {
            throw new RulePackRejected(HttpStatus.BAD_REQUEST, "year-required");
        }
        List<MemberFacts> members = subjects(request.get("members"), "members", MemberFacts.class);
        List<OrganizationFacts> organizations = subjects(request.get("organizations"), "organizations",
                OrganizationFacts.class);
        if (members.isEmpty() && organizations.isEmpty()) {
            throw new RulePackRejected(HttpStatus.BAD_REQUEST, "nothing-to-evaluate");
        }
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
                throw new RulePackRejected(HttpStatus.BAD_REQUEST, "fact-unknown", at + "." + e.getPropertyName(),
                        type.getSimpleName());
            } catch (JacksonException e) {
                throw new RulePackRejected(HttpStatus.BAD_REQUEST, "fact-unreadable", at, e.getOriginalMessage());
            }
        }
        return subjects;
    }

    private ResponseEntity<PackVersion> created(PackVersion version, boolean activate, Principal principal) {
        PackVersion result = activate ? rules.activate(version.packId(), version.version(), principal.getName())
                : version;
        return ResponseEntity.created(URI.create("/api/rule-packs/" + result.packId() + "/versions/"
                + result.version())).body(result);
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

    private static RulePackRejected tooLarge(long limit) {
        return new RulePackRejected(HttpStatus.CONTENT_TOO_LARGE, "too-large", String.valueOf(limit),
                String.valueOf(limit / (1024 * 1024)));
    }

    private static String filePath(jakarta.servlet.http.HttpServletRequest request, String packId, int version) {
        String uri = (String) request.getAttribute(HandlerMapping.PATH_WITHIN_HANDLER_MAPPING_ATTRIBUTE);
        String prefix = "/api/rule-packs/" + packId + "/versions/" + version + "/files/";
        String path = uri != null && uri.startsWith(prefix) ? uri.substring(prefix.length()) : "";
        return java.net.URLDecoder.decode(path, StandardCharsets.UTF_8);
    }
}

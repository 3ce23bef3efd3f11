package org.cadre.ratingrules.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cadre.platform.Caller;
import org.cadre.platform.Refused;
import org.cadre.ratingrules.AuditEntry;
import org.cadre.ratingrules.PackDiff;
import org.cadre.ratingrules.PackParameter;
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
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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

    private final RulePackRegistry registry;
    private final RatingRules rules;

    RulePackApiController(RulePackRegistry registry, RatingRules rules) {
        this.registry = registry;
        this.rules = rules;
    }

    @GetMapping
    @ReadsPacks
    List<PackSummary> packs() {
        return registry.packs();
    }

    /** Upload a zip of a pack (the raw body, or a multipart part named {@code file}). */
    @PostMapping(consumes = {"application/zip", MediaType.APPLICATION_OCTET_STREAM_VALUE})
    @ChangesPacks
    ResponseEntity<PackVersion> upload(@RequestParam(defaultValue = "false") boolean activate,
            jakarta.servlet.http.HttpServletRequest request, Caller caller) throws IOException {
        byte[] zip = body(request, PackFiles.MAX_ZIP_BYTES);
        return created(registry.upload(zip, caller.username()), activate, caller);
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ChangesPacks
    ResponseEntity<PackVersion> uploadForm(@RequestParam("file") MultipartFile file,
            @RequestParam(defaultValue = "false") boolean activate, Caller caller) throws IOException {
        if (file.getSize() > PackFiles.MAX_ZIP_BYTES) {
            throw tooLarge(PackFiles.MAX_ZIP_BYTES);
        }
        return created(registry.upload(file.getBytes(), caller.username()), activate, caller);
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

    /** A new version with one file replaced or added (text or XLSX as the raw body). */
    @PutMapping("/{packId}/versions/{version}/files/**")
    @ChangesPacks
    ResponseEntity<PackVersion> saveFile(@PathVariable String packId, @PathVariable int version,
            @RequestParam(defaultValue = "false") boolean activate, jakarta.servlet.http.HttpServletRequest request,
            Caller caller) throws IOException {
        String path = filePath(request, packId, version);
        byte[] content = body(request, PackFiles.MAX_FILE_BYTES);
        return created(registry.saveFile(packId, version, path, content, caller.username()), activate, caller);
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
     */
    @PostMapping("/evaluate")
    @ReadsPacks
    Ratings evaluate(@RequestBody JsonNode request) {
        JsonNode year = request.get("year");
        if (year == null || !year.isIntegralNumber()) {
            throw new Refused(RatingRulesRefusal.YEAR_REQUIRED);
        }
        List<MemberFacts> members = subjects(request.get("members"), "members", MemberFacts.class);
        List<OrganizationFacts> organizations = subjects(request.get("organizations"), "organizations",
                OrganizationFacts.class);
        if (members.isEmpty() && organizations.isEmpty()) {
            throw new Refused(RatingRulesRefusal.NOTHING_TO_EVALUATE);
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
                throw new Refused(RatingRulesRefusal.FACT_UNKNOWN, at + "." + e.getPropertyName(),
                        type.getSimpleName());
            } catch (JacksonException e) {
                throw new Refused(RatingRulesRefusal.FACT_UNREADABLE, at, e.getOriginalMessage());
            }
        }
        return subjects;
    }

    private ResponseEntity<PackVersion> created(PackVersion version, boolean activate, Caller caller) {
        PackVersion result = activate ? registry.activate(version.packId(), version.version(), caller.username())
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

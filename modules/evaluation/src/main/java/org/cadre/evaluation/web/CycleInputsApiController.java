package org.cadre.evaluation.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cadre.evaluation.EvaluationRefusal;
import org.cadre.evaluation.internal.inputs.CivilServiceImport;
import org.cadre.evaluation.internal.inputs.CivilServiceImportReport;
import org.cadre.evaluation.internal.inputs.CriterionValue;
import org.cadre.evaluation.internal.inputs.InputEntries;
import org.cadre.evaluation.internal.inputs.MemberInputs;
import org.cadre.evaluation.internal.inputs.PackFrame;
import org.cadre.evaluation.web.EvaluationRoles.EntersInputs;
import org.cadre.evaluation.web.EvaluationRoles.RatesCivilService;
import org.cadre.platform.Caller;
import org.cadre.platform.Refused;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The JSON API of a cycle's inputs. A refused change answers with a problem (RFC 9457) naming the field and writes
 * nothing; an import with bad rows answers {@code import-rows} with every bad row under {@code rows}.
 */
@RestController
@RequestMapping("/api/evaluation/cycles/{cycle}/inputs")
class CycleInputsApiController {

    private final InputEntries entries;
    private final CivilServiceImport imports;

    CycleInputsApiController(InputEntries entries, CivilServiceImport imports) {
        this.entries = entries;
        this.imports = imports;
    }

    /** What the pinned pack offers: the member scale, the criteria and their scale, the score groups' maxima. */
    @GetMapping("/frame")
    @EntersInputs
    PackFrame frame(@PathVariable UUID cycle, Caller caller) {
        entries.organizations(cycle, caller); // only those who enter inputs read it
        return entries.frame(cycle);
    }

    @GetMapping("/members/{member}")
    @EntersInputs
    MemberInputs member(@PathVariable UUID cycle, @PathVariable UUID member, Caller caller) {
        return entries.member(cycle, member, caller);
    }

    @GetMapping("/organizations/{organization}/members")
    @EntersInputs
    List<MemberInputs> members(@PathVariable UUID cycle, @PathVariable UUID organization, Caller caller) {
        return entries.members(cycle, organization, caller);
    }

    record Level(String level) {
    }

    @PutMapping("/members/{member}/civil-service-rating")
    @RatesCivilService
    MemberInputs rateCivilService(@PathVariable UUID cycle, @PathVariable UUID member, @RequestBody Level body,
            Caller caller) {
        entries.rateCivilService(cycle, member, body.level(), caller);
        return entries.member(cycle, member, caller);
    }

    @DeleteMapping("/members/{member}/civil-service-rating")
    @RatesCivilService
    ResponseEntity<Void> clearCivilService(@PathVariable UUID cycle, @PathVariable UUID member, Caller caller) {
        entries.rateCivilService(cycle, member, null, caller);
        return ResponseEntity.noContent().build();
    }

    record SickLeave(BigDecimal months) {
    }

    @PutMapping("/members/{member}/sick-leave")
    @EntersInputs
    MemberInputs sickLeave(@PathVariable UUID cycle, @PathVariable UUID member, @RequestBody SickLeave body,
            Caller caller) {
        if (body.months() == null) {
            throw new Refused(EvaluationRefusal.SICK_LEAVE_OUT_OF_RANGE, "");
        }
        entries.setSickLeave(cycle, member, body.months(), caller);
        return entries.member(cycle, member, caller);
    }

    @DeleteMapping("/members/{member}/sick-leave")
    @EntersInputs
    ResponseEntity<Void> clearSickLeave(@PathVariable UUID cycle, @PathVariable UUID member, Caller caller) {
        entries.setSickLeave(cycle, member, null, caller);
        return ResponseEntity.noContent().build();
    }

    record ResidenceComment(String stance, String text, LocalDate receivedOn) {
    }

    @PutMapping("/members/{member}/residence-comment")
    @EntersInputs
    MemberInputs residenceComment(@PathVariable UUID cycle, @PathVariable UUID member,
            @RequestBody ResidenceComment body, Caller caller) {
        if (body.stance() == null || body.stance().isBlank()) {
            throw new Refused(EvaluationRefusal.STANCE_UNKNOWN, "");
        }
        entries.setResidenceComment(cycle, member, body.stance(), body.text(), body.receivedOn(), caller);
        return entries.member(cycle, member, caller);
    }

    @DeleteMapping("/members/{member}/residence-comment")
    @EntersInputs
    ResponseEntity<Void> clearResidenceComment(@PathVariable UUID cycle, @PathVariable UUID member,
            Caller caller) {
        entries.setResidenceComment(cycle, member, null, null, null, caller);
        return ResponseEntity.noContent().build();
    }

    /** Criterion entries: every value checked first, then all written or none; a value with neither removes it. */
    record Criteria(List<CriterionValue> entries) {
    }

    @PutMapping("/members/{member}/criteria")
    @EntersInputs
    MemberInputs memberCriteria(@PathVariable UUID cycle, @PathVariable UUID member, @RequestBody Criteria body,
            Caller caller) {
        entries.enterMemberCriteria(cycle, member, body.entries(), caller);
        return entries.member(cycle, member, caller);
    }

    @GetMapping("/organizations/{organization}/criteria")
    @EntersInputs
    Map<String, CriterionValue> organizationCriteria(@PathVariable UUID cycle, @PathVariable UUID organization,
            Caller caller) {
        return entries.organizationCriteria(cycle, organization, caller);
    }

    @PutMapping("/organizations/{organization}/criteria")
    @EntersInputs
    Map<String, CriterionValue> enterOrganizationCriteria(@PathVariable UUID cycle,
            @PathVariable UUID organization, @RequestBody Criteria body, Caller caller) {
        entries.enterOrganizationCriteria(cycle, organization, body.entries(), caller);
        return entries.organizationCriteria(cycle, organization, caller);
    }

    /**
     * An .xlsx of civil-service ratings: {@code dryRun=true} (the default) checks it and writes nothing, keeping a
     * good file for {@code /civil-service-ratings/imports/{id}}; {@code dryRun=false} imports it at once.
     */
    @PostMapping(path = "/civil-service-ratings/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @RatesCivilService
    CivilServiceImportReport importRatings(@PathVariable UUID cycle, @RequestParam("file") MultipartFile file,
            @RequestParam(defaultValue = "true") boolean dryRun, Caller caller) throws IOException {
        byte[] content = file.getBytes();
        return dryRun ? imports.dryRun(cycle, file.getOriginalFilename(), content, caller)
                : imports.run(cycle, file.getOriginalFilename(), content, caller);
    }

    @PostMapping("/civil-service-ratings/imports/{id}")
    @RatesCivilService
    CivilServiceImportReport importStaged(@PathVariable UUID cycle, @PathVariable UUID id, Caller caller) {
        return imports.importStaged(cycle, id, caller);
    }

    @GetMapping("/civil-service-ratings/template.xlsx")
    @RatesCivilService
    ResponseEntity<byte[]> template(@PathVariable UUID cycle, Caller caller) {
        return xlsx(imports.template(cycle, caller), "xep-loai-cong-chuc.xlsx");
    }

    static ResponseEntity<byte[]> xlsx(byte[] content, String filename) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build()
                        .toString())
                .contentType(MediaType.parseMediaType(
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .body(content);
    }
}

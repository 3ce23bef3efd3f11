package org.cadre.commitments.web;

import jakarta.validation.Valid;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.cadre.commitments.ActionProgrammes;
import org.cadre.commitments.AdoptProgramme;
import org.cadre.commitments.AssessItem;
import org.cadre.commitments.AttachedFile;
import org.cadre.commitments.ProgressReportView;
import org.cadre.commitments.CommitmentRegisters;
import org.cadre.commitments.CommitmentsRefusal;
import org.cadre.commitments.DraftRegister;
import org.cadre.commitments.HoldSession;
import org.cadre.commitments.MemberYearFacts;
import org.cadre.commitments.OrganizationYearFacts;
import org.cadre.commitments.ProgrammeView;
import org.cadre.commitments.RecordReview;
import org.cadre.commitments.RegisterView;
import org.cadre.commitments.ReportProgress;
import org.cadre.commitments.ReturnRegister;
import org.cadre.commitments.Study;
import org.cadre.commitments.StudyRollup;
import org.cadre.commitments.web.CommitmentRoles.ChangesChapter;
import org.cadre.commitments.web.CommitmentRoles.ChangesOwnRegister;
import org.cadre.commitments.web.CommitmentRoles.ReadsCommitments;
import org.cadre.commitments.web.CommitmentRoles.ReadsRegister;
import org.cadre.organizations.MemberId;
import org.cadre.organizations.OrganizationAccess;
import org.cadre.organizations.OrganizationId;
import org.cadre.platform.Caller;
import org.cadre.platform.Refused;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * JSON API of registers, sessions, programmes and the facts evaluation reads. Refusals leave as RFC 9457 problems
 * (the platform's advice); scope is checked by the facade for changes and here for reads.
 */
@RestController
@RequestMapping("/api/commitments")
class CommitmentsApiController {

    private final Study study;
    private final CommitmentRegisters registers;
    private final ActionProgrammes programmes;
    private final OrganizationAccess access;

    CommitmentsApiController(Study study, CommitmentRegisters registers, ActionProgrammes programmes,
            OrganizationAccess access) {
        this.study = study;
        this.registers = registers;
        this.programmes = programmes;
        this.access = access;
    }

    @PostMapping("/registers")
    @ChangesOwnRegister
    ResponseEntity<RegisterView> draft(@Valid @RequestBody DraftRegister command, Caller caller) {
        UUID id = registers.draft(command, caller);
        return ResponseEntity.created(URI.create("/api/commitments/registers/" + id))
                .body(registers.find(id).orElseThrow());
    }

    @GetMapping("/registers/{id}")
    @ReadsRegister
    RegisterView register(@PathVariable UUID id, Caller caller) {
        return registers.read(id, caller);
    }

    @PostMapping("/registers/{id}/submit")
    @ChangesOwnRegister
    RegisterView submit(@PathVariable UUID id, Caller caller) {
        registers.submit(id, caller);
        return registers.find(id).orElseThrow();
    }

    @PostMapping("/registers/{id}/approve")
    @ChangesChapter
    RegisterView approve(@PathVariable UUID id, Caller caller) {
        registers.approve(id, caller);
        return registers.find(id).orElseThrow();
    }

    @PostMapping("/registers/{id}/return")
    @ChangesChapter
    RegisterView giveBack(@PathVariable UUID id, @Valid @RequestBody ReturnRegister command, Caller caller) {
        registers.giveBack(id, command, caller);
        return registers.find(id).orElseThrow();
    }

    @PostMapping("/registers/{id}/progress")
    @ChangesOwnRegister
    RegisterView progress(@PathVariable UUID id, @Valid @RequestBody ReportProgress command, Caller caller) {
        registers.reportProgress(id, command, caller);
        return registers.find(id).orElseThrow();
    }

    /**
     * Progress with a file attached as evidence: a multipart request with the report as JSON ({@code report}) and the
     * file ({@code file}); a file too large or of a forbidden type is a problem, nothing written.
     */
    @PostMapping(path = "/registers/{id}/progress", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ChangesOwnRegister
    RegisterView progressWithFile(@PathVariable UUID id, @Valid @RequestPart("report") ReportProgress command,
            @RequestPart(name = "file", required = false) MultipartFile file, Caller caller) throws IOException {
        registers.reportProgress(id, command, file == null || file.isEmpty() ? null
                : new AttachedFile(file.getOriginalFilename(), file.getBytes()), caller);
        return registers.find(id).orElseThrow();
    }

    @GetMapping("/registers/{id}/reports")
    @ReadsRegister
    List<ProgressReportView> reports(@PathVariable UUID id, Caller caller) {
        return registers.reports(id, caller);
    }

    @PostMapping("/registers/{id}/assess")
    @ChangesChapter
    RegisterView assess(@PathVariable UUID id, @Valid @RequestBody AssessItem command, Caller caller) {
        registers.assess(id, command, caller);
        return registers.find(id).orElseThrow();
    }

    @PostMapping("/sessions")
    @ChangesChapter
    StudyRollup session(@Valid @RequestBody HoldSession command, Caller caller) {
        study.holdSession(command, caller);
        return study.rollup(command.campaignId(), new OrganizationId(command.organizationId()));
    }

    @GetMapping("/campaigns/{id}/rollup")
    @ReadsCommitments
    StudyRollup rollup(@PathVariable UUID id, @RequestParam UUID organization, Caller caller) {
        OrganizationId root = visible(caller, organization);
        return study.rollup(id, root);
    }

    /** Who still has to study: active members of the subtree who have not completed. */
    @GetMapping("/campaigns/{id}/still-to-study")
    @ReadsCommitments
    List<org.cadre.commitments.DutyView> stillToStudy(@PathVariable UUID id, @RequestParam UUID organization,
            Caller caller) {
        return study.stillToStudy(id, visible(caller, organization));
    }

    @PostMapping("/programmes/{id}/adopt")
    @ChangesChapter
    ProgrammeView adopt(@PathVariable UUID id, @Valid @RequestBody AdoptProgramme command, Caller caller) {
        programmes.adopt(id, command, caller);
        return programmes.find(id).orElseThrow();
    }

    @PostMapping("/reviews")
    @ChangesChapter
    ResponseEntity<Void> review(@Valid @RequestBody RecordReview command, Caller caller) {
        programmes.recordReview(command, caller);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/programmes")
    @ReadsCommitments
    List<ProgrammeView> programmes(@RequestParam UUID organization, Caller caller) {
        return programmes.of(visible(caller, organization));
    }

    /** What evaluation reads of an organization for a year (with its subtree). */
    @GetMapping("/facts/organizations/{id}/{year}")
    @ReadsCommitments
    OrganizationYearFacts organizationFacts(@PathVariable UUID id, @PathVariable int year, Caller caller) {
        return programmes.organizationYear(visible(caller, id), year);
    }

    @GetMapping("/facts/members/{id}/{year}")
    @ReadsRegister
    MemberYearFacts memberFacts(@PathVariable UUID id, @PathVariable int year, Caller caller) {
        MemberId member = new MemberId(id);
        if (!access.maySee(caller, member)) {
            throw new Refused(CommitmentsRefusal.NOT_YOUR_REGISTER);
        }
        return registers.memberYear(member, year);
    }

    private OrganizationId visible(Caller caller, UUID organization) {
        OrganizationId id = new OrganizationId(organization);
        if (!access.maySee(caller, id)) {
            throw new Refused(CommitmentsRefusal.NOT_YOUR_CHAPTER);
        }
        return id;
    }
}

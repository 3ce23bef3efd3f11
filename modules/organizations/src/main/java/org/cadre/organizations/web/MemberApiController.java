package org.cadre.organizations.web;

import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.cadre.organizations.AdmitMember;
import org.cadre.organizations.CancelChange;
import org.cadre.organizations.CorrectMember;
import org.cadre.organizations.DatedChange;
import org.cadre.organizations.EndMembership;
import org.cadre.organizations.HistoryEntry;
import org.cadre.organizations.MemberId;
import org.cadre.organizations.MemberSummary;
import org.cadre.organizations.Members;
import org.cadre.organizations.OrganizationAccess;
import org.cadre.organizations.OrganizationId;
import org.cadre.organizations.OrganizationRefusal;
import org.cadre.organizations.TransferMember;
import org.cadre.organizations.web.OrganizationRoles.ChangesMembers;
import org.cadre.organizations.web.OrganizationRoles.ReadsMember;
import org.cadre.organizations.web.OrganizationRoles.ReadsTree;
import org.cadre.organizations.OrganizationEdits;
import org.cadre.platform.Caller;
import org.cadre.platform.EditVersion;
import org.cadre.platform.Edits;
import org.cadre.platform.Refused;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * JSON API of party members: admit, read, search and the changes of status and organization. Each method checks
 * the caller's scope through {@link OrganizationAccess} before it reads or writes anything.
 */
@RestController
@RequestMapping("/api/members")
class MemberApiController {

    private final Members members;
    private final OrganizationAccess access;
    private final Edits edits;

    MemberApiController(Members members, OrganizationAccess access, Edits edits) {
        this.edits = edits;
        this.members = members;
        this.access = access;
    }

    @PostMapping
    @ChangesMembers
    ResponseEntity<MemberSummary> admit(@Valid @RequestBody AdmitMember command, Caller caller) {
        access.requireChange(caller, new OrganizationId(command.organizationId()));
        MemberId id = members.admit(command);
        return ResponseEntity.created(URI.create("/api/members/" + id)).body(members.find(id).orElseThrow());
    }

    /** With the {@code ETag} of the member's personal data, for {@code If-Match} on a correction. */
    @GetMapping("/{id}")
    @ReadsMember
    ResponseEntity<MemberSummary> get(@PathVariable UUID id, Caller caller) {
        MemberSummary member = current(visible(caller, id), caller);
        return ResponseEntity.ok().eTag(edits.current(OrganizationEdits.memberDetails(member.id())).etag())
                .body(member);
    }

    @GetMapping
    @ReadsTree
    List<MemberSummary> search(@RequestParam("q") String query, @RequestParam(defaultValue = "50") int limit,
            Caller caller) {
        return access.redact(caller, members.search(query, access.visibility(caller), limit));
    }

    @GetMapping("/{id}/history")
    @ReadsMember
    List<HistoryEntry> history(@PathVariable UUID id, Caller caller) {
        MemberId member = visible(caller, id);
        current(member, caller);
        return members.history(member);
    }

    @PostMapping("/{id}/correct")
    @ChangesMembers
    ResponseEntity<MemberSummary> correct(@PathVariable UUID id, @Valid @RequestBody CorrectMember command,
            EditVersion loaded, Caller caller) {
        MemberId member = changeable(caller, id);
        members.correct(member, command, loaded);
        return ResponseEntity.ok().eTag(edits.current(OrganizationEdits.memberDetails(member)).etag())
                .body(current(member, caller));
    }

    @PostMapping("/{id}/confirm")
    @ChangesMembers
    MemberSummary confirm(@PathVariable UUID id, @Valid @RequestBody DatedChange command, Caller caller) {
        members.confirm(changeable(caller, id), command);
        return current(new MemberId(id), caller);
    }

    /** A secretary sends a member of their subtree to any live chapter: the receiving one need not be theirs. */
    @PostMapping("/{id}/transfer")
    @ChangesMembers
    MemberSummary transfer(@PathVariable UUID id, @Valid @RequestBody TransferMember command, Caller caller) {
        members.transfer(changeable(caller, id), command);
        return current(new MemberId(id), caller);
    }

    /**
     * The member's latest transfer, recorded by mistake, cancelled by its recorder (in scope of the member or of
     * the organization they left) or an administrator; the facade checks the scope.
     */
    @PostMapping("/{id}/transfer/cancel")
    @ChangesMembers
    MemberSummary cancelTransfer(@PathVariable UUID id, @Valid @RequestBody CancelChange command, Caller caller) {
        members.cancelTransfer(new MemberId(id), command, caller);
        return members.find(new MemberId(id)).map(m -> access.maySee(caller, m.id()) ? access.redact(caller, m)
                : m.withoutNationalId()).orElseThrow(() -> new Refused(OrganizationRefusal.MEMBER_UNKNOWN, id));
    }

    /** The member's latest status change, recorded by mistake. */
    @PostMapping("/{id}/status/cancel")
    @ChangesMembers
    MemberSummary cancelStatus(@PathVariable UUID id, @Valid @RequestBody CancelChange command, Caller caller) {
        members.cancelStatusChange(changeable(caller, id), command, caller);
        return current(new MemberId(id), caller);
    }

    @PostMapping("/{id}/exempt")
    @ChangesMembers
    MemberSummary exempt(@PathVariable UUID id, @Valid @RequestBody DatedChange command, Caller caller) {
        members.exempt(changeable(caller, id), command);
        return current(new MemberId(id), caller);
    }

    @PostMapping("/{id}/suspend")
    @ChangesMembers
    MemberSummary suspend(@PathVariable UUID id, @Valid @RequestBody DatedChange command, Caller caller) {
        members.suspend(changeable(caller, id), command);
        return current(new MemberId(id), caller);
    }

    @PostMapping("/{id}/reinstate")
    @ChangesMembers
    MemberSummary reinstate(@PathVariable UUID id, @Valid @RequestBody DatedChange command, Caller caller) {
        members.reinstate(changeable(caller, id), command);
        return current(new MemberId(id), caller);
    }

    @PostMapping("/{id}/end")
    @ChangesMembers
    MemberSummary end(@PathVariable UUID id, @Valid @RequestBody EndMembership command, Caller caller) {
        members.end(changeable(caller, id), command);
        return current(new MemberId(id), caller);
    }

    private MemberId visible(Caller caller, UUID id) {
        MemberId member = new MemberId(id);
        access.requireSee(caller, member);
        return member;
    }

    private MemberId changeable(Caller caller, UUID id) {
        MemberId member = new MemberId(id);
        access.requireChange(caller, member);
        return member;
    }

    private MemberSummary current(MemberId id, Caller caller) {
        return members.find(id).map(m -> access.redact(caller, m))
                .orElseThrow(() -> new Refused(OrganizationRefusal.MEMBER_UNKNOWN, id));
    }
}

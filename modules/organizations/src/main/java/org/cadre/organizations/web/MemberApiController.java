package org.cadre.organizations.web;

import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.cadre.organizations.AdmitMember;
import org.cadre.organizations.DatedChange;
import org.cadre.organizations.EndMembership;
import org.cadre.organizations.HistoryEntry;
import org.cadre.organizations.MemberId;
import org.cadre.organizations.MemberSummary;
import org.cadre.organizations.Members;
import org.cadre.organizations.TransferMember;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** JSON API of party members: admit, read, search and the changes of status and organization. */
@RestController
@RequestMapping("/api/members")
class MemberApiController {

    private final Members members;
    private final OrganizationScope scope;

    MemberApiController(Members members, OrganizationScope scope) {
        this.members = members;
        this.scope = scope;
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'SECRETARY') and @orgScope.canChangeOrganization(#command.organizationId())")
    ResponseEntity<MemberSummary> admit(@Valid @RequestBody AdmitMember command) {
        MemberId id = members.admit(command);
        return ResponseEntity.created(URI.create("/api/members/" + id)).body(members.find(id).orElseThrow());
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('ADMIN', 'EVALUATOR', 'SECRETARY', 'REVIEWER', 'MEMBER') and @orgScope.canSeeMember(#id)")
    ResponseEntity<MemberSummary> get(@PathVariable UUID id) {
        return ResponseEntity.of(members.find(new MemberId(id)).map(scope::redact));
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'EVALUATOR', 'SECRETARY', 'REVIEWER')")
    List<MemberSummary> search(@RequestParam("q") String query, @RequestParam(defaultValue = "50") int limit) {
        if (!scope.seesEverything() && scope.visibleRoots().isEmpty()) {
            return List.of();
        }
        return members.search(query, scope.seesEverything() ? List.of() : scope.visibleRoots(), limit).stream()
                .map(scope::redact).toList();
    }

    @GetMapping("/{id}/history")
    @PreAuthorize("hasAnyRole('ADMIN', 'EVALUATOR', 'SECRETARY', 'REVIEWER', 'MEMBER') and @orgScope.canSeeMember(#id)")
    List<HistoryEntry> history(@PathVariable UUID id) {
        return members.history(new MemberId(id));
    }

    @PostMapping("/{id}/correct")
    @PreAuthorize("hasAnyRole('ADMIN', 'SECRETARY') and @orgScope.canChangeMember(#id)")
    MemberSummary correct(@PathVariable UUID id, @Valid @RequestBody org.cadre.organizations.CorrectMember command) {
        members.correct(new MemberId(id), command);
        return current(id);
    }

    @PostMapping("/{id}/confirm")
    @PreAuthorize("hasAnyRole('ADMIN', 'SECRETARY') and @orgScope.canChangeMember(#id)")
    MemberSummary confirm(@PathVariable UUID id, @Valid @RequestBody DatedChange command) {
        members.confirm(new MemberId(id), command);
        return current(id);
    }

    /** A secretary sends a member of their subtree to any live organization: the receiving one need not be theirs. */
    @PostMapping("/{id}/transfer")
    @PreAuthorize("hasAnyRole('ADMIN', 'SECRETARY') and @orgScope.canChangeMember(#id)")
    MemberSummary transfer(@PathVariable UUID id, @Valid @RequestBody TransferMember command) {
        members.transfer(new MemberId(id), command);
        return current(id);
    }

    @PostMapping("/{id}/exempt")
    @PreAuthorize("hasAnyRole('ADMIN', 'SECRETARY') and @orgScope.canChangeMember(#id)")
    MemberSummary exempt(@PathVariable UUID id, @Valid @RequestBody DatedChange command) {
        members.exempt(new MemberId(id), command);
        return current(id);
    }

    @PostMapping("/{id}/suspend")
    @PreAuthorize("hasAnyRole('ADMIN', 'SECRETARY') and @orgScope.canChangeMember(#id)")
    MemberSummary suspend(@PathVariable UUID id, @Valid @RequestBody DatedChange command) {
        members.suspend(new MemberId(id), command);
        return current(id);
    }

    @PostMapping("/{id}/reinstate")
    @PreAuthorize("hasAnyRole('ADMIN', 'SECRETARY') and @orgScope.canChangeMember(#id)")
    MemberSummary reinstate(@PathVariable UUID id, @Valid @RequestBody DatedChange command) {
        members.reinstate(new MemberId(id), command);
        return current(id);
    }

    @PostMapping("/{id}/end")
    @PreAuthorize("hasAnyRole('ADMIN', 'SECRETARY') and @orgScope.canChangeMember(#id)")
    MemberSummary end(@PathVariable UUID id, @Valid @RequestBody EndMembership command) {
        members.end(new MemberId(id), command);
        return current(id);
    }

    private MemberSummary current(UUID id) {
        return members.find(new MemberId(id)).map(scope::redact).orElseThrow();
    }
}

package org.cadre.organizations.web;

import jakarta.validation.Valid;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.cadre.organizations.AssignRole;
import org.cadre.organizations.CancelChange;
import org.cadre.organizations.DatedChange;
import org.cadre.organizations.HistoryEntry;
import org.cadre.organizations.MemberSummary;
import org.cadre.organizations.Members;
import org.cadre.organizations.MoveOrganization;
import org.cadre.organizations.OrganizationAccess;
import org.cadre.organizations.OrganizationId;
import org.cadre.organizations.OrganizationRefusal;
import org.cadre.organizations.OrganizationSummary;
import org.cadre.organizations.Organizations;
import org.cadre.organizations.RegisterOrganization;
import org.cadre.organizations.RenameOrganization;
import org.cadre.organizations.RoleAssignment;
import org.cadre.organizations.SetAgency;
import org.cadre.organizations.TreeNode;
import org.cadre.organizations.web.OrganizationRoles.ChangesMembers;
import org.cadre.organizations.web.OrganizationRoles.ChangesTree;
import org.cadre.organizations.web.OrganizationRoles.ReadsTree;
import org.cadre.organizations.OrganizationEdits;
import org.cadre.platform.Caller;
import org.cadre.platform.EditVersion;
import org.cadre.platform.Edits;
import org.cadre.platform.Refused;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * JSON API of the organization tree and its roles. Each method names the roles that may call it and checks, through
 * {@link OrganizationAccess}, that the organization is in the caller's scope before anything else.
 */
@RestController
@RequestMapping("/api/organizations")
class OrganizationApiController {

    private final Organizations organizations;
    private final Members members;
    private final OrganizationAccess access;
    private final Edits edits;

    OrganizationApiController(Organizations organizations, Members members, OrganizationAccess access,
            Edits edits) {
        this.edits = edits;
        this.organizations = organizations;
        this.members = members;
        this.access = access;
    }

    @GetMapping
    @ReadsTree
    List<OrganizationSummary> list(Caller caller) {
        return organizations.list(access.visibility(caller));
    }

    @GetMapping("/tree")
    @ReadsTree
    List<TreeNode> tree(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            Caller caller) {
        return organizations.tree(asOf, access.visibility(caller));
    }

    /** With the {@code ETag} of the organization's details (name, agency), for {@code If-Match} on their edits. */
    @GetMapping("/{id}")
    @ReadsTree
    ResponseEntity<OrganizationSummary> get(@PathVariable UUID id, Caller caller) {
        return tagged(existing(visible(caller, id)));
    }

    @PostMapping
    @ChangesTree
    ResponseEntity<OrganizationSummary> register(@Valid @RequestBody RegisterOrganization command) {
        OrganizationId id = organizations.register(command);
        return ResponseEntity.created(URI.create("/api/organizations/" + id)).body(existing(id));
    }

    @PostMapping("/{id}/move")
    @ChangesTree
    OrganizationSummary move(@PathVariable UUID id, @Valid @RequestBody MoveOrganization command) {
        organizations.move(new OrganizationId(id), command);
        return existing(new OrganizationId(id));
    }

    @PostMapping("/{id}/rename")
    @ChangesTree
    ResponseEntity<OrganizationSummary> rename(@PathVariable UUID id,
            @Valid @RequestBody RenameOrganization command, EditVersion loaded) {
        organizations.rename(new OrganizationId(id), command, loaded);
        return tagged(existing(new OrganizationId(id)));
    }

    @PostMapping("/{id}/agency")
    @ChangesTree
    ResponseEntity<OrganizationSummary> setAgency(@PathVariable UUID id, @Valid @RequestBody SetAgency command,
            EditVersion loaded) {
        organizations.setAgency(new OrganizationId(id), command, loaded);
        return tagged(existing(new OrganizationId(id)));
    }

    @PostMapping("/{id}/dissolve")
    @ChangesTree
    OrganizationSummary dissolve(@PathVariable UUID id, @Valid @RequestBody DatedChange command) {
        organizations.dissolve(new OrganizationId(id), command);
        return existing(new OrganizationId(id));
    }

    @GetMapping("/{id}/members")
    @ReadsTree
    List<MemberSummary> members(@PathVariable UUID id, @RequestParam(defaultValue = "false") boolean subtree,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            Caller caller) {
        OrganizationId organization = existingVisible(caller, id);
        return access.redact(caller, members.list(organization, subtree, asOf));
    }

    @GetMapping("/{id}/roles")
    @ReadsTree
    List<RoleAssignment> roles(@PathVariable UUID id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            Caller caller) {
        return organizations.roles(existingVisible(caller, id), asOf);
    }

    @PostMapping("/{id}/roles")
    @ChangesMembers
    ResponseEntity<List<RoleAssignment>> assignRole(@PathVariable UUID id, @Valid @RequestBody AssignRole command,
            Caller caller) {
        OrganizationId organization = changeable(caller, id);
        organizations.assignRole(organization, command);
        return ResponseEntity.status(201).body(organizations.roles(organization, null));
    }

    @PostMapping("/{id}/roles/{assignment}/end")
    @ChangesMembers
    List<RoleAssignment> endRole(@PathVariable UUID id, @PathVariable UUID assignment,
            @Valid @RequestBody DatedChange command, Caller caller) {
        OrganizationId organization = changeable(caller, id);
        organizations.endRole(organization, assignment, command);
        return organizations.roles(organization, null);
    }

    /** A role recorded by mistake: its recorder or an administrator cancels it, with a reason. */
    @PostMapping("/{id}/roles/{assignment}/cancel")
    @ChangesMembers
    List<RoleAssignment> cancelRole(@PathVariable UUID id, @PathVariable UUID assignment,
            @Valid @RequestBody CancelChange command, Caller caller) {
        OrganizationId organization = changeable(caller, id);
        organizations.cancelRole(organization, assignment, command, caller);
        return organizations.roles(organization, null);
    }

    @GetMapping("/{id}/history")
    @ReadsTree
    List<HistoryEntry> history(@PathVariable UUID id, Caller caller) {
        return organizations.history(existingVisible(caller, id));
    }

    private OrganizationId visible(Caller caller, UUID id) {
        OrganizationId organization = new OrganizationId(id);
        access.requireSee(caller, organization);
        return organization;
    }

    private OrganizationId existingVisible(Caller caller, UUID id) {
        OrganizationId organization = visible(caller, id);
        existing(organization);
        return organization;
    }

    private OrganizationId changeable(Caller caller, UUID id) {
        OrganizationId organization = new OrganizationId(id);
        access.requireChange(caller, organization);
        return organization;
    }

    private ResponseEntity<OrganizationSummary> tagged(OrganizationSummary organization) {
        return ResponseEntity.ok().eTag(edits.current(OrganizationEdits.details(organization.id())).etag())
                .body(organization);
    }

    private OrganizationSummary existing(OrganizationId id) {
        return organizations.find(id).orElseThrow(() -> new Refused(OrganizationRefusal.ORGANIZATION_UNKNOWN, id));
    }
}

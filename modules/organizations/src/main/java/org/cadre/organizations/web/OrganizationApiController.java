package org.cadre.organizations.web;

import jakarta.validation.Valid;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.cadre.organizations.AssignRole;
import org.cadre.organizations.DatedChange;
import org.cadre.organizations.HistoryEntry;
import org.cadre.organizations.MemberSummary;
import org.cadre.organizations.Members;
import org.cadre.organizations.MoveOrganization;
import org.cadre.organizations.OrganizationId;
import org.cadre.organizations.OrganizationSummary;
import org.cadre.organizations.Organizations;
import org.cadre.organizations.RegisterOrganization;
import org.cadre.organizations.RoleAssignment;
import org.cadre.organizations.TreeNode;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * JSON API of the organization tree and its roles. Each method names the roles that may call it and, through
 * {@code @orgScope}, the subtree the caller must be in.
 */
@RestController
@RequestMapping("/api/organizations")
class OrganizationApiController {

    private final Organizations organizations;
    private final Members members;
    private final OrganizationScope scope;

    OrganizationApiController(Organizations organizations, Members members, OrganizationScope scope) {
        this.organizations = organizations;
        this.members = members;
        this.scope = scope;
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'EVALUATOR', 'SECRETARY', 'REVIEWER')")
    List<OrganizationSummary> list() {
        List<OrganizationSummary> all = organizations.list();
        if (scope.seesEverything()) {
            return all;
        }
        List<OrganizationId> roots = scope.visibleRoots();
        if (roots.isEmpty()) {
            return List.of();
        }
        java.util.Set<OrganizationId> visible = new java.util.HashSet<>();
        organizations.tree(null, roots).forEach(node -> collect(node, visible));
        return all.stream().filter(o -> visible.contains(o.id())).toList();
    }

    private static void collect(TreeNode node, java.util.Set<OrganizationId> into) {
        into.add(node.organization().id());
        node.children().forEach(child -> collect(child, into));
    }

    @GetMapping("/tree")
    @PreAuthorize("hasAnyRole('ADMIN', 'EVALUATOR', 'SECRETARY', 'REVIEWER')")
    List<TreeNode> tree(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        if (scope.seesEverything()) {
            return organizations.tree(asOf, List.of());
        }
        List<OrganizationId> roots = scope.visibleRoots();
        return roots.isEmpty() ? List.of() : organizations.tree(asOf, roots);
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('ADMIN', 'EVALUATOR', 'SECRETARY', 'REVIEWER') and @orgScope.canSeeOrganization(#id)")
    ResponseEntity<OrganizationSummary> get(@PathVariable UUID id) {
        return ResponseEntity.of(organizations.find(new OrganizationId(id)));
    }

    @PostMapping
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<OrganizationSummary> register(@Valid @RequestBody RegisterOrganization command) {
        OrganizationId id = organizations.register(command);
        return ResponseEntity.created(URI.create("/api/organizations/" + id))
                .body(organizations.find(id).orElseThrow());
    }

    @PostMapping("/{id}/move")
    @PreAuthorize("hasRole('ADMIN')")
    OrganizationSummary move(@PathVariable UUID id, @Valid @RequestBody MoveOrganization command) {
        organizations.move(new OrganizationId(id), command);
        return organizations.find(new OrganizationId(id)).orElseThrow();
    }

    @PostMapping("/{id}/rename")
    @PreAuthorize("hasRole('ADMIN')")
    OrganizationSummary rename(@PathVariable UUID id,
            @Valid @RequestBody org.cadre.organizations.RenameOrganization command) {
        organizations.rename(new OrganizationId(id), command);
        return organizations.find(new OrganizationId(id)).orElseThrow();
    }

    @PostMapping("/{id}/agency")
    @PreAuthorize("hasRole('ADMIN')")
    OrganizationSummary setAgency(@PathVariable UUID id,
            @Valid @RequestBody org.cadre.organizations.SetAgency command) {
        organizations.setAgency(new OrganizationId(id), command);
        return organizations.find(new OrganizationId(id)).orElseThrow();
    }

    @PostMapping("/{id}/dissolve")
    @PreAuthorize("hasRole('ADMIN')")
    OrganizationSummary dissolve(@PathVariable UUID id, @Valid @RequestBody DatedChange command) {
        organizations.dissolve(new OrganizationId(id), command);
        return organizations.find(new OrganizationId(id)).orElseThrow();
    }

    @GetMapping("/{id}/members")
    @PreAuthorize("hasAnyRole('ADMIN', 'EVALUATOR', 'SECRETARY', 'REVIEWER') and @orgScope.canSeeOrganization(#id)")
    List<MemberSummary> members(@PathVariable UUID id, @RequestParam(defaultValue = "false") boolean subtree,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        return members.list(new OrganizationId(id), subtree, asOf).stream().map(scope::redact).toList();
    }

    @GetMapping("/{id}/roles")
    @PreAuthorize("hasAnyRole('ADMIN', 'EVALUATOR', 'SECRETARY', 'REVIEWER') and @orgScope.canSeeOrganization(#id)")
    List<RoleAssignment> roles(@PathVariable UUID id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        return organizations.roles(new OrganizationId(id), asOf);
    }

    @PostMapping("/{id}/roles")
    @PreAuthorize("hasAnyRole('ADMIN', 'SECRETARY') and @orgScope.canChangeOrganization(#id)")
    ResponseEntity<List<RoleAssignment>> assignRole(@PathVariable UUID id, @Valid @RequestBody AssignRole command) {
        organizations.assignRole(new OrganizationId(id), command);
        return ResponseEntity.status(201).body(organizations.roles(new OrganizationId(id), null));
    }

    @PostMapping("/{id}/roles/{assignment}/end")
    @PreAuthorize("hasAnyRole('ADMIN', 'SECRETARY') and @orgScope.canChangeOrganization(#id)")
    List<RoleAssignment> endRole(@PathVariable UUID id, @PathVariable UUID assignment,
            @Valid @RequestBody DatedChange command) {
        organizations.endRole(new OrganizationId(id), assignment, command);
        return organizations.roles(new OrganizationId(id), null);
    }

    @GetMapping("/{id}/history")
    @PreAuthorize("hasAnyRole('ADMIN', 'EVALUATOR', 'SECRETARY', 'REVIEWER') and @orgScope.canSeeOrganization(#id)")
    List<HistoryEntry> history(@PathVariable UUID id) {
        return organizations.history(new OrganizationId(id));
    }
}

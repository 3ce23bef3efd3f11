package org.cadre.organizations.web;

import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.cadre.organizations.OrganizationId;
import org.cadre.organizations.OrganizationSummary;
import org.cadre.organizations.Organizations;
import org.cadre.organizations.RegisterOrganization;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** JSON API of the organization tree. Scope per organization arrives with the organizations issue. */
@RestController
@RequestMapping("/api/organizations")
class OrganizationApiController {

    private final Organizations organizations;

    OrganizationApiController(Organizations organizations) {
        this.organizations = organizations;
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'EVALUATOR')")
    List<OrganizationSummary> list() {
        return organizations.list();
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('ADMIN', 'EVALUATOR')")
    ResponseEntity<OrganizationSummary> get(@PathVariable OrganizationId id) {
        return ResponseEntity.of(organizations.find(id));
    }

    @PostMapping
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<OrganizationSummary> register(@Valid @RequestBody RegisterOrganization command) {
        OrganizationId id = organizations.register(command);
        return ResponseEntity.created(URI.create("/api/organizations/" + id))
                .body(organizations.find(id).orElseThrow());
    }
}

package org.cadre.organizations.web;

import jakarta.validation.Valid;
import java.util.List;
import java.util.UUID;
import org.cadre.organizations.AddCoordinatingBody;
import org.cadre.organizations.CoordinatingBody;
import org.cadre.organizations.Organizations;
import org.cadre.organizations.web.OrganizationRoles.ChangesTree;
import org.cadre.organizations.web.OrganizationRoles.ReadsBodies;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Coordinating bodies as data: a committee adds its own, with the organizations each may comment on. */
@RestController
@RequestMapping("/api/coordinating-bodies")
class CoordinatingBodyApiController {

    private final Organizations organizations;

    CoordinatingBodyApiController(Organizations organizations) {
        this.organizations = organizations;
    }

    @GetMapping
    @ReadsBodies
    List<CoordinatingBody> list() {
        return organizations.coordinatingBodies();
    }

    @PostMapping
    @ChangesTree
    @ResponseStatus(HttpStatus.CREATED)
    CoordinatingBody add(@Valid @RequestBody AddCoordinatingBody command) {
        UUID id = organizations.addCoordinatingBody(command);
        return organizations.coordinatingBodies().stream().filter(b -> b.id().equals(id)).findFirst().orElseThrow();
    }
}

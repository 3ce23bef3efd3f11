package org.cadre.organizations.web;

import org.cadre.organizations.Organizations;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Pages of the organization tree, rendered inside the shell's layout. */
@Controller
class OrganizationPageController {

    private final Organizations organizations;

    OrganizationPageController(Organizations organizations) {
        this.organizations = organizations;
    }

    @GetMapping("/organizations")
    @PreAuthorize("hasAnyRole('ADMIN', 'EVALUATOR')")
    String list(Model model) {
        model.addAttribute("organizations", organizations.list());
        return "organizations/list";
    }
}

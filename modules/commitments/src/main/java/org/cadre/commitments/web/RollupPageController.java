package org.cadre.commitments.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.cadre.commitments.CampaignView;
import org.cadre.commitments.RegisterStatus;
import org.cadre.commitments.Study;
import org.cadre.commitments.StudyRollup;
import org.cadre.commitments.web.CommitmentRoles.ReadsCommitments;
import org.cadre.organizations.OrganizationId;
import org.cadre.organizations.Organizations;
import org.cadre.organizations.TreeNode;
import org.cadre.platform.Caller;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Roll-ups for evaluation staff: study completion and registers by status, for the organization asked (the bloc by
 * default) and each organization directly below it, as bars.
 */
@Controller
class RollupPageController {

    private final Study study;
    private final Organizations organizations;
    private final Pages pages;
    private final Clock clock;

    RollupPageController(Study study, Organizations organizations, Pages pages, Clock clock) {
        this.study = study;
        this.organizations = organizations;
        this.pages = pages;
        this.clock = clock;
    }

    @GetMapping("/commitments/rollups")
    @ReadsCommitments
    String rollups(@RequestParam(required = false) UUID campaign, @RequestParam(required = false) UUID organization,
            Caller caller, Model model) {
        OrganizationId root = pages.organization(organization, caller);
        model.addAttribute("organizationId", root);
        model.addAttribute("organizationName", pages.name(root));
        model.addAttribute("campaigns", pages.campaigns(root));
        model.addAttribute("statuses", RegisterStatus.values());
        CampaignView current = pages.campaign(campaign, root).orElse(null);
        model.addAttribute("campaign", current);
        if (current != null) {
            List<OrganizationId> below = organizations.subtree(root, LocalDate.now(clock))
                    .map(TreeNode::children).orElse(List.of()).stream().map(c -> c.organization().id()).toList();
            model.addAttribute("total", study.rollup(current.id(), root));
            List<StudyRollup> rows = study.rollups(current.id(), below);
            model.addAttribute("rows", rows.stream()
                    .sorted(java.util.Comparator.comparingDouble(StudyRollup::rate).thenComparing(StudyRollup::name))
                    .toList());
        }
        return "commitments/rollups";
    }
}

package org.cadre.commitments.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;
import org.cadre.commitments.CreateResolution;
import org.cadre.commitments.OpenCampaign;
import org.cadre.commitments.Study;
import org.cadre.commitments.web.CommitmentRoles.ManagesResolutions;
import org.cadre.commitments.web.CommitmentRoles.ReadsCommitments;
import org.cadre.organizations.Organizations;
import org.cadre.platform.Caller;
import org.cadre.platform.PageForm;
import org.cadre.platform.Role;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Resolutions and their study campaigns; administrators add them. */
@Controller
class ResolutionPageController {

    private final Study study;
    private final Organizations organizations;
    private final Pages pages;
    private final Clock clock;

    ResolutionPageController(Study study, Organizations organizations, Pages pages, Clock clock) {
        this.study = study;
        this.organizations = organizations;
        this.pages = pages;
        this.clock = clock;
    }

    @GetMapping("/commitments/resolutions")
    @ReadsCommitments
    String list(Caller caller, Model model) {
        model.addAttribute("resolutions", study.resolutions());
        model.addAttribute("campaigns", study.campaigns());
        model.addAttribute("admin", caller.has(Role.ADMIN));
        model.addAttribute("bloc", organizations.bloc().orElse(null));
        model.addAttribute("today", LocalDate.now(clock));
        return "commitments/resolutions";
    }

    @PostMapping("/commitments/resolutions")
    @ManagesResolutions
    @PageForm(page = "/commitments/resolutions", form = "resolution-form")
    String create(@RequestParam String number, @RequestParam String title,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate issuedOn,
            @RequestParam String issuer, @RequestParam(required = false) String documents, Locale locale,
            RedirectAttributes redirect) {
        study.createResolution(new CreateResolution(number, title, issuedOn, issuer, documents));
        return pages.saved("/commitments/resolutions", locale, redirect);
    }

    @PostMapping("/commitments/campaigns")
    @ManagesResolutions
    @PageForm(page = "/commitments/resolutions", form = "campaign-form")
    String open(@RequestParam UUID resolutionId, @RequestParam UUID organizationId,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate opensOn,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate studyBy, Locale locale,
            RedirectAttributes redirect) {
        study.openCampaign(new OpenCampaign(resolutionId, organizationId, opensOn, studyBy));
        return pages.saved("/commitments/resolutions", locale, redirect);
    }
}

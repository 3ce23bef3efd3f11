package org.cadre.supervision.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.cadre.organizations.MemberId;
import org.cadre.organizations.MemberSummary;
import org.cadre.organizations.Members;
import org.cadre.organizations.OrganizationAccess;
import org.cadre.organizations.OrganizationId;
import org.cadre.platform.Caller;
import org.cadre.platform.PageForm;
import org.cadre.supervision.DisciplineForm;
import org.cadre.supervision.DisciplineView;
import org.cadre.supervision.Disciplines;
import org.cadre.supervision.ImposeDiscipline;
import org.cadre.supervision.web.SupervisionRoles.ChangesSupervision;
import org.cadre.supervision.web.SupervisionRoles.ReadsSupervision;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The disciplines of a subtree for a year, and the form to record a decision for a member (by card number) or for
 * the organization of the page. An expulsion ends the membership in organizations in the same transaction.
 */
@Controller
class DisciplinePageController {

    private final Disciplines disciplines;
    private final Members members;
    private final OrganizationAccess access;
    private final Pages pages;
    private final Clock clock;

    DisciplinePageController(Disciplines disciplines, Members members, OrganizationAccess access, Pages pages,
            Clock clock) {
        this.disciplines = disciplines;
        this.members = members;
        this.access = access;
        this.pages = pages;
        this.clock = clock;
    }

    @GetMapping("/supervision/disciplines")
    @ReadsSupervision
    String list(@RequestParam(required = false) UUID organization, @RequestParam(required = false) Integer year,
            Caller caller, Model model) {
        OrganizationId root = pages.organization(organization, caller);
        LocalDate today = LocalDate.now(clock);
        int shown = year == null ? today.getYear() : year;
        List<DisciplineView> found = disciplines.within(root, shown, caller);
        Map<MemberId, String> names = found.stream().filter(d -> d.member() != null).map(DisciplineView::member)
                .distinct().collect(Collectors.toMap(id -> id,
                        id -> members.find(id).map(MemberSummary::fullName).orElse("")));
        model.addAttribute("organizationId", root);
        model.addAttribute("organizationName", pages.name(root));
        model.addAttribute("organizationNames", pages.labels(root, today));
        model.addAttribute("year", shown);
        model.addAttribute("disciplines", found);
        model.addAttribute("names", names);
        model.addAttribute("forms", DisciplineForm.values());
        model.addAttribute("today", today);
        model.addAttribute("canChange", access.mayChange(caller, root));
        return "supervision/disciplines";
    }

    @PostMapping("/supervision/disciplines")
    @ChangesSupervision
    @PageForm(page = "/supervision/disciplines?organization={root}", form = "discipline-form")
    String impose(@RequestParam UUID root, @RequestParam(required = false) String cardNumber,
            @RequestParam(required = false) DisciplineForm form, @RequestParam(required = false) String decision,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate decidedOn,
            @RequestParam(required = false) String issuer, @RequestParam(required = false) String violation,
            @RequestParam(required = false) UUID sameViolationAs,
            @RequestParam(defaultValue = "false") boolean selfDetected,
            @RequestParam(defaultValue = "false") boolean remedied, Caller caller, Locale locale,
            RedirectAttributes redirect) {
        UUID member = cardNumber == null || cardNumber.isBlank() ? null
                : members.findByCard(cardNumber.strip()).map(m -> m.id().value())
                        .orElseThrow(() -> new org.cadre.platform.Refused(
                                org.cadre.supervision.SupervisionRefusal.MEMBER_UNKNOWN, cardNumber.strip()));
        disciplines.impose(new ImposeDiscipline(member, member == null ? root : null, form, decision, decidedOn, issuer,
                violation, sameViolationAs, selfDetected, remedied), caller);
        return pages.saved("/supervision/disciplines?organization=" + root + "&year=" + decidedOn.getYear(), locale,
                redirect);
    }
}

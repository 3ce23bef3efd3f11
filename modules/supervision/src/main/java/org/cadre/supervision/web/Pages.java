package org.cadre.supervision.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.cadre.organizations.OrganizationAccess;
import org.cadre.organizations.OrganizationId;
import org.cadre.organizations.OrganizationRefusal;
import org.cadre.organizations.OrganizationSummary;
import org.cadre.organizations.Organizations;
import org.cadre.organizations.TreeNode;
import org.cadre.platform.Caller;
import org.cadre.platform.Refused;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** What the pages share: the organization a page is about, the chapters below it, the notice after a change. */
@Component("supervisionPages")
class Pages {

    private final Organizations organizations;
    private final OrganizationAccess access;
    private final MessageSource messages;

    Pages(Organizations organizations, OrganizationAccess access, MessageSource messages) {
        this.organizations = organizations;
        this.access = access;
        this.messages = messages;
    }

    /** The organization asked for (which the caller must see), or the root of the caller's scope, or the bloc. */
    OrganizationId organization(UUID id, Caller caller) {
        OrganizationId organization = id != null ? new OrganizationId(id)
                : caller.organizationScope().map(OrganizationId::new)
                        .orElseGet(() -> organizations.bloc().map(OrganizationSummary::id).orElse(null));
        if (organization == null || !access.maySee(caller, organization)) {
            throw new Refused(OrganizationRefusal.OUT_OF_SCOPE);
        }
        return organization;
    }

    String name(OrganizationId organization) {
        return organizations.find(organization).map(OrganizationSummary::name).orElse(organization.toString());
    }

    /** The organizations that hold members in the subtree, in tree order. */
    List<OrganizationSummary> chapters(OrganizationId root, LocalDate asOf) {
        List<OrganizationSummary> out = new ArrayList<>();
        organizations.subtree(root, asOf).ifPresent(node -> collect(node, out));
        return out;
    }

    /** Every live organization of the subtree, in tree order. */
    List<OrganizationSummary> organizations(OrganizationId root, LocalDate asOf) {
        List<OrganizationSummary> out = new ArrayList<>();
        organizations.subtree(root, asOf).ifPresent(node -> all(node, out));
        return out;
    }

    /** The names of the subtree's organizations, for the lists. */
    java.util.Map<OrganizationId, String> labels(OrganizationId root, LocalDate asOf) {
        java.util.Map<OrganizationId, String> out = new java.util.HashMap<>();
        organizations(root, asOf).forEach(o -> out.put(o.id(), o.name()));
        return out;
    }

    private static void all(TreeNode node, List<OrganizationSummary> out) {
        if (!node.organization().dissolved()) {
            out.add(node.organization());
        }
        node.children().forEach(child -> all(child, out));
    }

    private static void collect(TreeNode node, List<OrganizationSummary> out) {
        if (node.organization().kind().holdsMembers() && !node.organization().dissolved()) {
            out.add(node.organization());
        }
        node.children().forEach(child -> collect(child, out));
    }

    String saved(String back, Locale locale, RedirectAttributes redirect) {
        redirect.addFlashAttribute("notice", messages.getMessage("supervision.saved", null, locale));
        return "redirect:" + back;
    }
}

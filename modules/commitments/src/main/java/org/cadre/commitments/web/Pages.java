package org.cadre.commitments.web;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.cadre.commitments.CampaignView;
import org.cadre.commitments.CommitmentsRefusal;
import org.cadre.commitments.Study;
import org.cadre.organizations.OrganizationAccess;
import org.cadre.organizations.OrganizationId;
import org.cadre.organizations.Organizations;
import org.cadre.platform.Caller;
import org.cadre.platform.Refused;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** What the pages share: the campaign and organization a page is about, and the notice after a change. */
@Component("commitmentsPages")
class Pages {

    private final Study study;
    private final Organizations organizations;
    private final OrganizationAccess access;
    private final MessageSource messages;

    Pages(Study study, Organizations organizations, OrganizationAccess access, MessageSource messages) {
        this.study = study;
        this.organizations = organizations;
        this.access = access;
        this.messages = messages;
    }

    /** The campaign asked for, or the latest that covers the organization. */
    Optional<CampaignView> campaign(UUID id, OrganizationId organization) {
        if (id != null) {
            return Optional.of(study.campaign(id).orElseThrow(() -> new Refused(CommitmentsRefusal.CAMPAIGN_UNKNOWN,
                    id)));
        }
        return campaigns(organization).stream().findFirst();
    }

    /** The campaigns over the organization (opened for it or for one above it), latest first. */
    List<CampaignView> campaigns(OrganizationId organization) {
        return study.campaigns(organization);
    }

    /** The organization asked for (which the caller must see), or the root of the caller's scope, or the bloc. */
    OrganizationId organization(UUID id, Caller caller) {
        OrganizationId organization = id != null ? new OrganizationId(id)
                : caller.organizationScope().map(OrganizationId::new)
                        .orElseGet(() -> organizations.bloc().map(b -> b.id()).orElse(null));
        if (organization == null || !access.maySee(caller, organization)) {
            throw new Refused(CommitmentsRefusal.NOT_YOUR_CHAPTER);
        }
        return organization;
    }

    String name(OrganizationId organization) {
        return organizations.find(organization).map(o -> o.name()).orElse(organization.toString());
    }

    /** The name of the organization above, for the heading of a document; null at the top of the tree. */
    String parentName(OrganizationId organization) {
        return organizations.find(organization).map(o -> o.parentId()).flatMap(organizations::find)
                .map(o -> o.name()).orElse(null);
    }

    String saved(String back, Locale locale, RedirectAttributes redirect) {
        redirect.addFlashAttribute("notice", messages.getMessage("commitments.saved", null, locale));
        return "redirect:" + back;
    }
}

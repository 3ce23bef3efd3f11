package org.cadre.organizations.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.cadre.organizations.Organizations;
import org.cadre.platform.Caller;
import org.cadre.platform.HomeSection;
import org.springframework.stereotype.Component;

/**
 * The bloc's size on the home page, rendered with it: its name, grassroots organizations, chapters and members.
 * Every signed-in user sees these totals (they are the bloc's public figures, not anyone's record).
 */
@Component
class OrganizationsHomeSection implements HomeSection {

    private final Organizations organizations;

    OrganizationsHomeSection(Organizations organizations) {
        this.organizations = organizations;
    }

    @Override
    public String template() {
        return "organizations/summary";
    }

    @Override
    public String fragment() {
        return "summary";
    }

    @Override
    public Map<String, Object> model(Caller caller) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("organizationsCounts", organizations.counts());
        organizations.bloc().ifPresent(bloc -> model.put("organizationsBloc", bloc));
        return model;
    }

    @Override
    public int order() {
        return 10;
    }
}

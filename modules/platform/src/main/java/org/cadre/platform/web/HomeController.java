package org.cadre.platform.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.cadre.platform.Caller;
import org.cadre.platform.HomeSection;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The home page: where a user lands after signing in. The sections modules contribute are rendered with the page,
 * so its figures are there at once (and without a script).
 */
@Controller
class HomeController {

    private final List<HomeSection> sections;

    HomeController(List<HomeSection> sections) {
        this.sections = sections.stream().sorted(Comparator.comparingInt(HomeSection::order)).toList();
    }

    @GetMapping("/")
    @PreAuthorize("isAuthenticated()")
    String home(Caller caller, Model model) {
        List<Shown> shown = new ArrayList<>();
        for (HomeSection section : sections) {
            Map<String, Object> values = section.model(caller);
            if (!values.isEmpty()) {
                // a section's names are its own (a module prefixes them); the fragment reads them from the page
                model.addAllAttributes(values);
                shown.add(new Shown(section.template(), section.fragment()));
            }
        }
        model.addAttribute("sections", shown);
        return "home";
    }

    /** Where a shown section's fragment is. */
    record Shown(String template, String fragment) {
    }
}

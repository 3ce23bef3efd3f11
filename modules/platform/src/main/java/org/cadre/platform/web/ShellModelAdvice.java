package org.cadre.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.cadre.platform.Caller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.support.RequestContextUtils;

/** Puts what the layout needs into the model of every page, whichever module renders it. */
@ControllerAdvice(annotations = org.springframework.stereotype.Controller.class)
class ShellModelAdvice {

    private final Navigation navigation;

    ShellModelAdvice(Navigation navigation) {
        this.navigation = navigation;
    }

    /** The current path, so the language switch can come back to the same page. */
    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    /** A refused form sent back to its page: the reason and the values the user typed (see {@link RefusalAdvice}). */
    @ModelAttribute("form")
    FormState form(HttpServletRequest request) {
        Map<String, ?> flash = RequestContextUtils.getInputFlashMap(request);
        if (flash == null || !(flash.get("formError") instanceof FormError error)) {
            return FormState.NONE;
        }
        @SuppressWarnings("unchecked")
        Map<String, String> values = flash.get("formValues") instanceof Map<?, ?> map ? (Map<String, String>) map
                : Map.of();
        return new FormState(error, values);
    }

    @ModelAttribute("navigation")
    List<NavigationEntry> navigation(Caller caller) {
        return navigation.visibleTo(caller);
    }

    /**
     * The path of the one navigation entry the page belongs to: the longest entry path the current path starts
     * with at a segment boundary ({@code /organizations/import} under {@code /organizations/import}, not under
     * {@code /organizations}); {@code /} only on the home page.
     */
    @ModelAttribute("currentEntry")
    String currentEntry(HttpServletRequest request, Caller caller) {
        return current(currentPath(request), navigation.visibleTo(caller).stream().map(NavigationEntry::path)
                .toList());
    }

    static String current(String path, List<String> entries) {
        String best = "/".equals(path) ? "/" : null;
        for (String entry : entries) {
            boolean under = path.equals(entry) || path.startsWith(entry.endsWith("/") ? entry : entry + "/");
            if (under && (best == null || entry.length() > best.length())) {
                best = entry;
            }
        }
        return best == null ? "" : best;
    }
}

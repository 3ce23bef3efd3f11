package org.cadre.platform;

import java.util.Map;

/**
 * A part of the home page a module contributes: a Thymeleaf fragment and the model it needs, rendered with the page
 * (not loaded after it), in {@link #order()}. Sections a caller may not see return an empty model from
 * {@link #model(Caller)}.
 */
public interface HomeSection {

    /** The template that holds the fragment, for example {@code organizations/summary}. */
    String template();

    /** The fragment's name in that template, for example {@code summary}. */
    String fragment();

    /**
     * What the fragment reads, added to the home page's model (so name the entries after the module, for example
     * {@code organizationsCounts}); empty when the section is not for this caller.
     */
    Map<String, Object> model(Caller caller);

    /** Sections are shown in ascending order. */
    default int order() {
        return 100;
    }
}

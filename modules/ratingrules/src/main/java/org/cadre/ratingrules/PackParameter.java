package org.cadre.ratingrules;

import java.util.List;

/**
 * A parameter of a pack version as the parameter form shows it: its declaration and its current value.
 *
 * @param type    decimal, integer, share, boolean, text or level
 * @param choices the allowed values of a level parameter (the scale), empty otherwise
 */
public record PackParameter(String name, String type, String value, String defaultValue, Double min, Double max,
        String labelVi, String labelEn, String article, List<String> choices) {

    public PackParameter {
        choices = List.copyOf(choices);
    }
}

package org.cadre.ratingrules;

import java.util.List;

/**
 * A parameter of a pack version as the parameter form shows it: its declaration and its current value.
 *
 * @param type    decimal, integer, share, boolean, text or level
 * @param choices the allowed values of a level parameter (the scale), empty otherwise
 * @param groupVi the heading the form shows it under ({@code group:} or the {@code # --- … ---} section of
 *                {@code pack.yaml}), {@code null} when there is none; {@code groupEn} likewise
 * @param unitVi  what its number counts ({@code unit:}), {@code null} when not declared; {@code unitEn} likewise
 */
public record PackParameter(String name, String type, String value, String defaultValue, Double min, Double max,
        String labelVi, String labelEn, String article, List<String> choices, String groupVi, String groupEn,
        String unitVi, String unitEn) {

    public PackParameter {
        choices = List.copyOf(choices);
    }
}

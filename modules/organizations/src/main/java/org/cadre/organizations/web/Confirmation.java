package org.cadre.organizations.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A page that asks, before a consequential change is written, whether the user means it: what it is, whom it
 * concerns and what it does, in sentences; the values of the form as hidden fields, sent again with
 * {@code confirmed=true}; and a way back that changes nothing. Server-side, so it works without scripts and a page
 * cannot skip it by accident.
 *
 * @param heading     what the change is ("Chuyển sinh hoạt đảng")
 * @param lines       whom it concerns and what it does
 * @param action      where the confirmed form posts
 * @param fields      the form's values, sent again
 * @param submit      the label of the confirming button
 * @param back        the page to go back to, unchanged
 * @param destructive whether the change ends or removes something (the button looks different)
 */
record Confirmation(String heading, List<String> lines, String action, Map<String, String> fields, String submit,
        String back, boolean destructive) {

    static Map<String, String> fields(String... namesAndValues) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                fields.put(namesAndValues[i], namesAndValues[i + 1]);
            }
        }
        fields.put("confirmed", "true");
        return fields;
    }
}

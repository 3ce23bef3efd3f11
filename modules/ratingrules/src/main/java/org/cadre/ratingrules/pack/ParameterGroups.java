package org.cadre.ratingrules.pack;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sections of the {@code parameters:} list of a {@code pack.yaml}, as its authors mark them with comments
 * ({@code # --- Đối tượng (eligibility) ---}): the heading the parameter form shows each parameter under when the
 * parameter declares no {@code group:}. A section's text is Vietnamese with an optional English gloss in
 * parentheses (lower case, no Vietnamese letters); the gloss is the English heading, else the text is both.
 */
public final class ParameterGroups {

    private static final Pattern SECTION = Pattern.compile("^\\s*#\\s*-{3,}\\s*(.+?)\\s*-{3,}\\s*$");
    private static final Pattern NAME = Pattern.compile("^\\s*-\\s*(?:\\{\\s*)?name\\s*:\\s*[\"']?([A-Za-z]\\w*)");
    private static final Pattern GLOSS = Pattern.compile("\\s*\\(([a-z][^()]*)\\)");
    private static final Pattern VIETNAMESE = Pattern.compile("[À-ỹĐđ]");

    private ParameterGroups() {
    }

    /** Parameter name to its section's heading by language ({@code vi}, {@code en}); empty before any section. */
    public static Map<String, Map<String, String>> sections(String packYaml) {
        Map<String, Map<String, String>> sections = new LinkedHashMap<>();
        if (packYaml == null) {
            return sections;
        }
        boolean inParameters = false;
        Map<String, String> current = null;
        for (String line : packYaml.lines().toList()) {
            if (!line.isBlank() && !Character.isWhitespace(line.charAt(0)) && !line.startsWith("#")
                    && !line.startsWith("-")) {
                inParameters = line.startsWith("parameters:");
                current = null;
                continue;
            }
            if (!inParameters) {
                continue;
            }
            Matcher section = SECTION.matcher(line);
            if (section.matches()) {
                current = heading(section.group(1));
                continue;
            }
            Matcher name = NAME.matcher(line);
            if (name.find() && current != null) {
                sections.put(name.group(1), current);
            }
        }
        return sections;
    }

    /** "Đối tượng (eligibility)" is Đối tượng in Vietnamese and Eligibility in English. */
    static Map<String, String> heading(String text) {
        Matcher gloss = GLOSS.matcher(text);
        if (gloss.find() && !VIETNAMESE.matcher(gloss.group(1)).find()) {
            String english = gloss.group(1).strip();
            String vietnamese = (text.substring(0, gloss.start()) + text.substring(gloss.end())).strip();
            return Map.of("vi", vietnamese, "en", Character.toUpperCase(english.charAt(0)) + english.substring(1));
        }
        return Map.of("vi", text, "en", text);
    }
}

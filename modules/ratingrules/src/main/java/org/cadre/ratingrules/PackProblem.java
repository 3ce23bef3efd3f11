package org.cadre.ratingrules;

import java.util.List;

/**
 * One thing wrong with a rule pack, precise enough to act on: the file, the line (or 0 when the problem is not on a
 * line), where in the file ({@code scale[2].rank}, a rule name) and what is wrong.
 *
 * @param file      the file of the pack, relative to its root ({@code pack.yaml}, {@code rules.drl}); empty for the
 *                  pack as a whole
 * @param line      1-based line, 0 when unknown
 * @param location  a path in a YAML file or a rule name, may be empty
 * @param code      a stable message code ({@code ratingrules.problem.<code>} in the message bundles)
 * @param arguments the message arguments
 * @param message   the message in English, for logs and callers without a bundle
 */
public record PackProblem(String file, int line, String location, String code, List<String> arguments,
        String message) {

    public PackProblem {
        file = file == null ? "" : file;
        location = location == null ? "" : location;
        arguments = arguments == null ? List.of() : List.copyOf(arguments);
    }

    public static PackProblem of(String file, int line, String location, String code, String message,
            Object... arguments) {
        return new PackProblem(file, line, location, code,
                java.util.Arrays.stream(arguments).map(String::valueOf).toList(), message);
    }

    /** {@code file:line: location: message}, the form used in logs and test assertions. */
    public String describe() {
        StringBuilder text = new StringBuilder(file.isEmpty() ? "(pack)" : file);
        if (line > 0) {
            text.append(':').append(line);
        }
        if (!location.isEmpty()) {
            text.append(": ").append(location);
        }
        return text.append(": ").append(message).toString();
    }

    @Override
    public String toString() {
        return describe();
    }
}

package org.cadre.platform;

import java.io.Serial;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A module refused a request for a {@link Refusal reason}, with the arguments its message needs. Thrown by domain
 * classes and services alike (it carries no web type); the platform turns it into an RFC 9457 problem on the API
 * and into a message next to the form on a page.
 */
public class Refused extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    private final transient Refusal reason;
    private final transient List<Object> arguments;
    private final transient Map<String, Object> details = new LinkedHashMap<>();
    private final transient List<Translatable> lines = new ArrayList<>();

    public Refused(Refusal reason, Object... arguments) {
        super(reason.module() + "." + reason.code() + " " + Arrays.toString(arguments), null, false, false);
        this.reason = reason;
        this.arguments = Arrays.asList(arguments.clone());
    }

    public Refusal reason() {
        return reason;
    }

    /**
     * The arguments of the reason's message, in order; dates are written the way pages write them and a
     * {@link Translatable} in the reader's language.
     */
    public Object[] arguments() {
        return arguments.toArray();
    }

    /**
     * Adds a property to the problem the API answers with (for example the problems found in an uploaded file).
     * Values must be serializable as JSON.
     */
    public Refused with(String property, Object value) {
        details.put(property, value);
        return this;
    }

    /** Lines a page shows under the reason (each problem of a refused file), in the reader's language. */
    public Refused withLines(List<? extends Translatable> explanation) {
        lines.addAll(explanation);
        return this;
    }

    public List<Translatable> lines() {
        return List.copyOf(lines);
    }

    public Map<String, Object> details() {
        return java.util.Collections.unmodifiableMap(details);
    }
}

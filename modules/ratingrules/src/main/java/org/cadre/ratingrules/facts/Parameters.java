package org.cadre.ratingrules.facts;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The pack's parameters as rules read them: the defaults of {@code pack.yaml} with the committee's overrides
 * applied. Every threshold of a regulation is a parameter, so a committee changes a number without touching a
 * rule. Asking for a parameter the pack does not declare is an error that names it (scenario tests catch it).
 */
public final class Parameters {

    private final Map<String, Object> values;

    public Parameters(Map<String, ?> values) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** A decimal or integer parameter, for example {@code number("minCompletionRatio")}. */
    public double number(String name) {
        Object value = require(name);
        if (value instanceof Number number) {
            return number.doubleValue();
        }
        if (value instanceof Share) {
            // a share read as a decimal would round the boundary the committee wrote exactly
            throw new IllegalArgumentException("Parameter '" + name + "' is a share: read it with params.share(\""
                    + name + "\")");
        }
        throw new IllegalArgumentException("Parameter '" + name + "' is not a number: " + value);
    }

    /**
     * A share parameter, held exactly: {@code params.share("maxSubordinateDisciplinedShare").exceededBy(
     * subordinateUnitsDisciplined, subordinateUnits)}.
     */
    public Share share(String name) {
        Object value = require(name);
        if (value instanceof Share share) {
            return share;
        }
        throw new IllegalArgumentException("Parameter '" + name + "' is not a share (1/3, 20%): " + value);
    }

    /** An integer parameter. */
    public int integer(String name) {
        return (int) Math.round(number(name));
    }

    /** A boolean parameter, typically one that switches a rule on or off. */
    public boolean flag(String name) {
        Object value = require(name);
        if (value instanceof Boolean flag) {
            return flag;
        }
        throw new IllegalArgumentException("Parameter '" + name + "' is not a flag (true/false): " + value);
    }

    /** A text or level parameter. */
    public String text(String name) {
        return require(name).toString();
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    public Map<String, Object> asMap() {
        return values;
    }

    private Object require(String name) {
        Object value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException("The pack declares no parameter '" + name + "'");
        }
        return value;
    }

    @Override
    public String toString() {
        return "Parameters" + values;
    }
}

package org.cadre.platform.web;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a page needs to show a refused form again: the reason next to the form that was sent and the values the
 * user typed, in place of the page's defaults. Every page has it as {@code form} in its model:
 * {@code th:value="${form.value('transfer-form', 'on', today)}"}, {@code th:text="${form.error('transfer-form')}"}.
 */
public final class FormState {

    static final FormState NONE = new FormState(null, Map.of());

    private final FormError error;
    private final Map<String, String> values;

    FormState(FormError error, Map<String, String> values) {
        this.error = error;
        this.values = values;
    }

    /** The reason the form was refused, or {@code null} when this form was not the one refused. */
    public String error(String form) {
        return error != null && error.form().equals(form) ? error.message() : null;
    }

    /** What the reason lists (each problem of a refused file), or nothing. */
    public List<String> lines(String form) {
        return error != null && error.form().equals(form) ? error.lines() : List.of();
    }

    /** Whether the reason concerns this field of this form (for {@code aria-invalid}). */
    public boolean invalid(String form, String field) {
        return error != null && error.form().equals(form) && field.equals(error.field());
    }

    /** The value the user sent in this form, or the page's default when the form was not refused. */
    public Object value(String form, String field, Object fallback) {
        if (error != null && error.form().equals(form) && values.containsKey(field)) {
            return values.get(field);
        }
        return fallback;
    }

    /** Whether an option or a checkbox is chosen: as the user sent it, or as the page would choose it. */
    public boolean chosen(String form, String field, Object option, boolean fallback) {
        if (error != null && error.form().equals(form)) {
            return Objects.equals(values.get(field), String.valueOf(option));
        }
        return fallback;
    }
}

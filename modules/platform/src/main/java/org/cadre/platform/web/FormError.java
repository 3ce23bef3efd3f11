package org.cadre.platform.web;

import java.io.Serial;
import java.io.Serializable;
import java.util.List;

/**
 * Why a form was refused, carried to the page it came from as a flash attribute (kept in the database session).
 *
 * @param form    the id of the form on the page
 * @param field   the field the reason concerns, or {@code null}
 * @param message the reason in the user's language
 * @param lines   what the reason lists (each problem of a refused file), in the user's language
 */
record FormError(String form, String field, String message, List<String> lines) implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    FormError {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }
}

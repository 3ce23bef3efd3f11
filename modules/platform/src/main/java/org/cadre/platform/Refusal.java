package org.cadre.platform;

import java.util.Locale;

/**
 * A reason a module refuses a request. Each module has one enumeration of its reasons that implements this, with
 * the outcome and the field of each; the message key is derived from the module and the reason
 * ({@code problemDetail.<module>.<reason-code>}), so every reason has a Vietnamese and an English text that a test
 * checks. Modules never choose an HTTP status: the platform turns the outcome into one.
 */
public interface Refusal {

    /** The enumeration constant's name, such as {@code CARD_TAKEN}. */
    String name();

    Outcome outcome();

    /** The field of the request or form the refusal concerns, or {@code null} when it concerns the whole request. */
    String field();

    /** The reason as the API reports it: {@code card-taken}. */
    default String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The module that refuses: the last segment of the enumeration's package, such as {@code organizations}. */
    default String module() {
        Class<?> type = this instanceof Enum<?> constant ? constant.getDeclaringClass() : getClass();
        String name = type.getPackageName();
        return name.substring(name.lastIndexOf('.') + 1);
    }

    default String messageKey() {
        return "problemDetail." + module() + "." + code();
    }

    /** What kind of refusal it is; the platform maps it to an HTTP status and to how a page shows it. */
    enum Outcome {
        /** The request itself is malformed (400). */
        BAD_REQUEST(400),
        /** The caller may not do this, or not for this organization or member (403). */
        FORBIDDEN(403),
        /** The subject of the request does not exist (404). */
        NOT_FOUND(404),
        /** The request contradicts the current state, for example a taken number or a repeated change (409). */
        CONFLICT(409),
        /** What was sent is too large (413). */
        TOO_LARGE(413),
        /** The request is well formed but breaks a rule of the domain (422). */
        INVALID(422),
        /** Too much work is waiting; try again later (429). */
        BUSY(429);

        private final int status;

        Outcome(int status) {
            this.status = status;
        }

        public int status() {
            return status;
        }
    }
}

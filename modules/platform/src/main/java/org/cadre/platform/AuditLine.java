package org.cadre.platform;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One line of the audit trail as a change describes it: a stable kind ({@code organizations.member-suspended}, its
 * first part the module), the thing changed (an id, a pack and version), the organization it concerns when there is
 * one, and the arguments of the what-text, whose message key is {@code audit.<kind>} in the module's bundles.
 * Who and when are added by the trail.
 *
 * @param arguments already written as text (dates dd/MM/yyyy), so the line reads the same in any later release
 * @param actor     who the change itself says made it (a decision's signer), or {@code null}: the trail names the
 *                  signed-in caller, and this actor only for work no user is signed in for (a service called at
 *                  start-up, a pack loaded from its folder)
 */
public record AuditLine(String kind, String target, UUID organization, List<String> arguments, String actor) {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu");

    public AuditLine {
        Objects.requireNonNull(kind, "kind");
        target = target == null ? "" : target;
        arguments = List.copyOf(arguments);
        actor = actor == null || actor.isBlank() ? null : actor;
    }

    public AuditLine(String kind, String target, UUID organization, List<String> arguments) {
        this(kind, target, organization, arguments, null);
    }

    /** A line whose arguments are written as text: dates as the pages write them, nothing as an empty text. */
    public static AuditLine of(String kind, Object target, UUID organization, Object... arguments) {
        return new AuditLine(kind, target == null ? "" : String.valueOf(target), organization,
                Arrays.stream(arguments).map(AuditLine::text).toList());
    }

    /** The same line, naming who the change says made it. */
    public AuditLine by(String who) {
        return new AuditLine(kind, target, organization, arguments, who);
    }

    /** The module that made the change: the first part of the kind. */
    public String module() {
        int dot = kind.indexOf('.');
        return dot < 0 ? kind : kind.substring(0, dot);
    }

    /** The key of the what-text in the module's bundles. */
    public String messageKey() {
        return "audit." + kind;
    }

    private static String text(Object argument) {
        if (argument == null) {
            return "";
        }
        return argument instanceof LocalDate date ? date.format(DATE) : String.valueOf(argument);
    }
}

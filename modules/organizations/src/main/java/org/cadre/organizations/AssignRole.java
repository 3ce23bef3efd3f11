package org.cadre.organizations;

import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.util.UUID;

/** Command: a member takes a role in an organization from a date. */
public record AssignRole(@NotNull UUID memberId, @NotNull OrganizationRole role, @NotNull LocalDate from) {
}

package org.cadre.organizations;

import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.util.UUID;

/** Command: place an organization under another parent from a date. */
public record MoveOrganization(@NotNull UUID parentId, @NotNull LocalDate on) {
}

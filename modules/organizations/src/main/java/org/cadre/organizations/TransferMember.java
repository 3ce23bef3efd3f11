package org.cadre.organizations;

import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.util.UUID;

/** Command: move a member's party activities to another organization from a date. */
public record TransferMember(@NotNull UUID organizationId, @NotNull LocalDate on) {
}

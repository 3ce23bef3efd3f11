package org.cadre.organizations;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** Command: an organization takes a new name from a date (the old name stays in its history). */
public record RenameOrganization(@NotBlank @Size(max = 300) String name, @NotNull LocalDate on) {
}

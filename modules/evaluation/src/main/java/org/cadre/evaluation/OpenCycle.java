package org.cadre.evaluation;

import jakarta.validation.constraints.NotNull;
import java.util.UUID;

/** Open a cycle for a year and a scope: the bloc (the top of the tree) or one grassroots organization. */
public record OpenCycle(@NotNull Integer year, @NotNull UUID scope) {
}

package org.cadre.organizations;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Command: cancel an entry of the history recorded by mistake, saying why. */
public record CancelChange(@NotBlank @Size(max = 300) String reason) {
}

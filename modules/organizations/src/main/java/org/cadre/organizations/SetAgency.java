package org.cadre.organizations;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Command: the agency or unit an organization sits in, and that agency's head. The agency is found by its code
 * and created when new; its name and head are updated.
 */
public record SetAgency(
        @NotBlank @Size(max = 40) @Pattern(regexp = "[A-Za-z0-9._-]+") String code,
        @NotBlank @Size(max = 300) String name,
        @Size(max = 200) String headName) {
}

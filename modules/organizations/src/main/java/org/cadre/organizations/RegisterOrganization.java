package org.cadre.organizations;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Command: register a party organization in the tree.
 *
 * @param code          short unique code, for example {@code SNV} or {@code SNV-VP}
 * @param name          full name in Vietnamese
 * @param kind          what kind of organization it is
 * @param parentId      the organization above it, or none for the bloc committee
 * @param establishedOn the date of the decision that established it
 */
public record RegisterOrganization(
        @NotBlank @Size(max = 40) @Pattern(regexp = "[A-Za-z0-9._-]+") String code,
        @NotBlank @Size(max = 300) String name,
        @NotNull OrganizationKind kind,
        UUID parentId,
        @NotNull @PastOrPresent LocalDate establishedOn) {
}

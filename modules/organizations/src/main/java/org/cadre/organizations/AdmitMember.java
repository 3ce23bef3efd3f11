package org.cadre.organizations;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Command: admit a member into an organization (or record one admitted earlier).
 *
 * @param confirmedOn the date they became a full member, or none while probationary
 */
public record AdmitMember(
        @NotBlank @Size(max = 20) @Pattern(regexp = "[0-9A-Za-z.-]+") String cardNumber,
        @NotBlank @Size(max = 60) String familyName,
        @Size(max = 80) String middleName,
        @NotBlank @Size(max = 60) String givenName,
        @NotNull @Past LocalDate bornOn,
        @NotNull Sex sex,
        @Pattern(regexp = "[0-9]{9}|[0-9]{12}") String nationalId,
        @NotNull UUID organizationId,
        @NotNull @PastOrPresent LocalDate admittedOn,
        @PastOrPresent LocalDate confirmedOn,
        boolean civilServant,
        @Size(max = 200) String position) {
}

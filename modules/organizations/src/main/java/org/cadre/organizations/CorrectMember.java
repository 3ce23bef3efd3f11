package org.cadre.organizations;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** Command: correct a member's personal data (the card number, dates in the party and organization stay). */
public record CorrectMember(
        @NotBlank @Size(max = 60) String familyName,
        @Size(max = 80) String middleName,
        @NotBlank @Size(max = 60) String givenName,
        @NotNull @Past LocalDate bornOn,
        @NotNull Sex sex,
        @Pattern(regexp = "[0-9]{9}|[0-9]{12}") String nationalId,
        boolean civilServant,
        @Size(max = 200) String position) {
}

package org.cadre.commitments;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** Command: a resolution to study and carry out ("04-NQ/TW", its title, date, issuer and documents). */
public record CreateResolution(@NotBlank @Size(max = 60) String number, @NotBlank @Size(max = 500) String title,
        @NotNull LocalDate issuedOn, @NotBlank @Size(max = 200) String issuer, @Size(max = 2000) String documents) {
}

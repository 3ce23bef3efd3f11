package org.cadre.commitments;

import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Command: the programme is adopted, co-signed by the organization's secretary and the agency's head: two
 * different people, each holding that role on the day.
 */
public record AdoptProgramme(UUID committeeSigner, UUID agencyHeadSigner, @NotNull LocalDate on) {
}

package org.cadre.commitments;

import java.time.LocalDate;
import java.util.UUID;

/** A resolution as pages and other modules read it. */
public record ResolutionView(UUID id, String number, String title, LocalDate issuedOn, String issuer,
        String documents) {
}

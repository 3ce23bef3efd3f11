package org.cadre.supervision;

import java.time.LocalDate;
import java.util.UUID;

/** A finding as pages read it. */
public record FindingView(UUID id, UUID inspection, FindingNature nature, Severity severity, String text,
        LocalDate recordedOn, String remedy, LocalDate remedyDue, LocalDate resolvedOn, String resolution) {

    /** A remedy is required and was not carried out yet. */
    public boolean open() {
        return remedyDue != null && resolvedOn == null;
    }
}

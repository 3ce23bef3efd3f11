package org.cadre.commitments;

import java.time.LocalDate;
import java.util.UUID;

/** One progress report of an item: the percent, the evidence as text, and the attached file if any. */
public record ProgressReportView(UUID id, UUID itemId, int percent, String evidence, LocalDate on,
        String reportedBy, UUID fileId, String fileName, long fileSize) {

    public boolean hasFile() {
        return fileId != null;
    }
}

package org.cadre.commitments;

import java.time.LocalDate;
import java.util.UUID;

/** One commitment of a register, with its progress and assessment. */
public record ItemView(UUID id, int position, String content, String task, String target, LocalDate deadline,
        int weight, int progress, LocalDate lastReportedOn, LocalDate completedOn, ItemStatus status,
        LocalDate assessedOn, String assessment, boolean exceeded) {
}

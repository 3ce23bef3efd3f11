package org.cadre.commitments;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * One commitment: what the member commits to, the assigned task it serves, a measurable target, a deadline within
 * the register's year and a weight (1 to 100).
 */
public record ItemDraft(@Size(max = 1000) String content, @Size(max = 500) String task,
        @Size(max = 500) String target, @NotNull LocalDate deadline, int weight) {
}

package org.cadre.commitments.internal;

import java.time.Clock;
import java.time.LocalDate;
import org.cadre.commitments.CommitmentRegisters;
import org.cadre.platform.ClusterLocks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The daily deadline check. Every instance schedules it; the cluster lock lets one run at a time, and each item is
 * reported once (marked in the same transaction as its event is published), so an instance that runs after another
 * finds nothing left. {@code cadre.commitments.overdue-cron} ("-" turns it off).
 */
@Component
class OverdueJob {

    private static final Logger log = LoggerFactory.getLogger(OverdueJob.class);

    private final CommitmentRegisters registers;
    private final ClusterLocks locks;
    private final Clock clock;

    OverdueJob(CommitmentRegisters registers, ClusterLocks locks, Clock clock) {
        this.registers = registers;
        this.locks = locks;
        this.clock = clock;
    }

    @Scheduled(cron = "${cadre.commitments.overdue-cron:0 15 1 * * *}", zone = "${cadre.time-zone:Asia/Ho_Chi_Minh}")
    void daily() {
        locks.runExclusively("commitments.overdue", () -> {
            int found = registers.findOverdue(LocalDate.now(clock));
            if (found > 0) {
                log.info("Commitments: {} items found past their deadline", found);
            }
        });
    }
}

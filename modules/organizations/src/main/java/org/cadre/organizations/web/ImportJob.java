package org.cadre.organizations.web;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.cadre.organizations.ImportKind;
import org.cadre.organizations.ImportReport;

/** One import running in the background: who started it, how far it is, and its report when done. */
public final class ImportJob {

    public final UUID id = UUID.randomUUID();
    public final String owner;
    public final ImportKind kind;
    public final AtomicInteger done = new AtomicInteger();
    public volatile int total;
    public volatile boolean checking = true;
    public volatile ImportReport report;
    public volatile boolean failed;
    volatile java.time.Instant finishedAt = java.time.Instant.now();

    ImportJob(String owner, ImportKind kind) {
        this.owner = owner;
        this.kind = kind;
    }

    public boolean finished() {
        return report != null || failed;
    }

    public int percent() {
        return finished() ? 100 : total == 0 ? 0 : Math.min(99, done.get() * 100 / total);
    }
}

package org.cadre.organizations.web;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.cadre.organizations.ImportKind;
import org.cadre.organizations.ImportReport;
import org.cadre.organizations.Imports;
import org.cadre.organizations.OrganizationId;
import org.cadre.organizations.OrganizationRejected;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Imports running in the background, one at a time per instance, with their progress for the page to poll.
 * The state is in memory: a job belongs to the instance that runs it (the page polls the same session), and a
 * restart loses only the progress display, never data (the import is one transaction).
 */
@Component
class ImportJobs implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ImportJobs.class);

    /** Jobs waiting behind the running one; each holds its upload in memory, so the queue is short. */
    static final int MAX_WAITING = 4;

    private final Imports imports;
    private final Map<UUID, ImportJob> jobs = new ConcurrentHashMap<>();
    private final ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(MAX_WAITING), r -> {
                Thread thread = new Thread(r, "cadre-import");
                thread.setDaemon(true);
                return thread;
            });

    ImportJobs(Imports imports) {
        this.imports = imports;
    }

    /**
     * Starts the import; the scope predicate is computed beforehand, as the job runs without the request. A user
     * has one import at a time: while theirs is unfinished, they get it back instead of a second one.
     *
     * @throws OrganizationRejected (429) when too many imports wait already
     */
    synchronized ImportJob start(String owner, ImportKind kind, String filename, byte[] content,
            Predicate<OrganizationId> mayWrite) {
        prune();
        ImportJob unfinished = jobs.values().stream().filter(j -> j.owner.equals(owner) && !j.finished())
                .findFirst().orElse(null);
        if (unfinished != null) {
            return unfinished;
        }
        ImportJob job = new ImportJob(owner, kind);
        try {
            executor.execute(() -> run(job, kind, filename, content, mayWrite));
        } catch (RejectedExecutionException busy) {
            throw new OrganizationRejected(HttpStatus.TOO_MANY_REQUESTS, "import-busy", "file", MAX_WAITING);
        }
        jobs.put(job.id, job);
        return job;
    }

    private void run(ImportJob job, ImportKind kind, String filename, byte[] content,
            Predicate<OrganizationId> mayWrite) {
        try {
            ImportReport checked = imports.check(kind, filename, content, mayWrite);
            job.total = Math.max(1, checked.rows());
            job.checking = false;
            ImportReport report = checked.ok() ? imports.run(kind, filename, content, mayWrite, job.done::set)
                    : checked;
            job.finishedAt = java.time.Instant.now();
            job.report = report;
        } catch (RuntimeException e) {
            log.error("Import {} failed", job.id, e);
            job.finishedAt = java.time.Instant.now();
            job.failed = true;
        }
    }

    /** Finished jobs are kept for an hour, for the page that polls them. */
    private void prune() {
        jobs.values().removeIf(j -> j.finished() && j.finishedAt.plus(java.time.Duration.ofHours(1))
                .isBefore(java.time.Instant.now()));
    }

    ImportJob find(UUID id, String owner) {
        ImportJob job = jobs.get(id);
        return job != null && job.owner.equals(owner) ? job : null;
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}

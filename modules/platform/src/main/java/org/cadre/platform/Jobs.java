package org.cadre.platform;

import java.util.Map;
import java.util.Optional;

/**
 * Background work in a job table that every instance shares: a job is queued here, taken by whichever instance is
 * free, runs as the caller who asked for it through the {@link JobHandler} of its kind, and reports its progress
 * and outcome in the table, so a page polling any instance behind a load balancer sees it. A job whose instance
 * stops is marked failed ({@code problem.job.interrupted}) once its heartbeat is stale.
 */
public interface Jobs {

    /**
     * Queues a job. It starts after the calling transaction commits.
     *
     * @param input      what the job works on (an uploaded file), kept until it finishes
     * @param parameters small named values the handler reads
     * @throws Refused {@code platform.jobs-busy} when too many jobs wait already
     */
    JobId submit(String kind, Caller caller, byte[] input, Map<String, String> parameters);

    Optional<Job> find(JobId id);

    /** The job, if it is the caller's own (or the caller is an administrator). */
    Optional<Job> find(JobId id, Caller caller);

    /** The caller's job of this kind that has not finished yet, if any. */
    Optional<Job> unfinished(String kind, Caller caller);

    /** The result of a job that succeeded, read from its JSON. */
    <T> Optional<T> result(Job job, Class<T> type);
}

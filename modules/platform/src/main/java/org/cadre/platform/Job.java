package org.cadre.platform;

import java.time.Instant;
import java.util.List;

/**
 * A background job as any instance reads it from the job table.
 *
 * @param owner            the user name of the caller the job runs as
 * @param done             units of work done so far (rows, organizations), out of {@code total}
 * @param result           the handler's result as JSON once it succeeded (read it with {@link Jobs#result})
 * @param problemKey       the message key of why it failed, or {@code null}
 * @param problemArguments the arguments of that message
 */
public record Job(JobId id, String kind, String owner, State state, int done, int total, String result,
        String problemKey, List<String> problemArguments, Instant createdAt, Instant startedAt,
        Instant finishedAt) {

    public Job {
        problemArguments = problemArguments == null ? List.of() : List.copyOf(problemArguments);
    }

    public boolean finished() {
        return state == State.SUCCEEDED || state == State.FAILED;
    }

    /** How far it is, 0 to 100; 100 only once finished. */
    public int percent() {
        if (finished()) {
            return 100;
        }
        return total <= 0 ? 0 : (int) Math.min(99, done * 100L / total);
    }

    public enum State {
        /** Waiting for an instance to take it. */
        QUEUED,
        /** An instance is running it and reports its progress. */
        RUNNING,
        SUCCEEDED,
        /** Failed, with the reason in {@code problemKey}; also when the instance running it stopped. */
        FAILED
    }
}

package org.cadre.platform;

/**
 * Runs the jobs of one kind; a module registers one bean per kind it offers. The handler is called on a worker
 * thread of whichever instance took the job, without a security context: it acts as {@link JobContext#caller()}.
 * Its work is all or nothing (one transaction, or results swapped in at the end): a job that fails or whose
 * instance stops leaves nothing half-written, and the failure messages say so.
 */
public interface JobHandler {

    /** The kind this handler runs, such as {@code organizations.import}. */
    String kind();

    /**
     * Does the work, reporting progress on the context, and returns the result (written as JSON). A {@link Refused}
     * fails the job with the refusal's message; any other exception fails it with a generic one and is logged.
     */
    Object run(JobContext context);
}

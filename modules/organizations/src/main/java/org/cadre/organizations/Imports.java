package org.cadre.organizations;

import java.time.LocalDate;
import java.util.function.IntConsumer;
import org.cadre.platform.Caller;
import org.cadre.platform.JobId;

/**
 * Import from and export to spreadsheets (.xlsx and CSV, Vietnamese headings). An import is checked row by row
 * first (a dry run writes nothing and lists every bad row), then written all or nothing in one transaction,
 * idempotent by the natural keys (organization code, party card number).
 */
public interface Imports {

    /** Largest file accepted, in bytes. */
    int MAX_BYTES = 5 * 1024 * 1024;

    /** Most data rows accepted in one file. */
    int MAX_ROWS = 20_000;

    /** The kind of job an import runs as ({@link org.cadre.platform.Jobs}). */
    String JOB_KIND = "organizations.import";

    /** An empty template with the Vietnamese headings and one example row. */
    byte[] template(ImportKind kind, boolean xlsx);

    /**
     * Reads and checks the file without writing anything, as the caller: members only into organizations they
     * may change, the tree only by administrators.
     */
    default ImportReport check(ImportKind kind, String filename, byte[] content, Caller caller) {
        return check(kind, filename, content, caller, false);
    }

    /**
     * As {@link #check(ImportKind, String, byte[], Caller)}; a row whose card number exists with other personal
     * data is reported with the fields that differ, or, when {@code update} is chosen, counted as an update
     * (a different organization or party dates are never updated: they are a transfer or a confirmation).
     */
    ImportReport check(ImportKind kind, String filename, byte[] content, Caller caller, boolean update);

    /**
     * Checks, then writes everything in one transaction, publishing the events of each change; writes nothing
     * when any row is bad.
     *
     * @param progress told the number of rows done so far
     */
    default ImportReport run(ImportKind kind, String filename, byte[] content, Caller caller,
            IntConsumer progress) {
        return run(kind, filename, content, caller, false, progress);
    }

    /** As {@link #run(ImportKind, String, byte[], Caller, IntConsumer)}, correcting members when asked to update. */
    ImportReport run(ImportKind kind, String filename, byte[] content, Caller caller, boolean update,
            IntConsumer progress);

    /**
     * Queues the import as a job ({@link #JOB_KIND}) whose result is the {@link ImportReport}; a caller whose
     * import has not finished gets that one back instead of a second.
     */
    default JobId submit(ImportKind kind, String filename, byte[] content, Caller caller) {
        return submit(kind, filename, content, caller, false);
    }

    JobId submit(ImportKind kind, String filename, byte[] content, Caller caller, boolean update);

    /** A file that was checked, kept on the server for its owner until it is imported (a day at most). */
    record Staged(java.util.UUID id, String filename, byte[] content) {
    }

    /** Keeps a checked file for its owner; returns its id. */
    java.util.UUID stage(String filename, byte[] content, Caller caller);

    /** The caller's kept file. */
    java.util.Optional<Staged> staged(java.util.UUID id, Caller caller);

    /** Forgets a kept file (once imported). */
    void unstage(java.util.UUID id, Caller caller);

    /** The tree as of a date as .xlsx: one row per organization, with its level and member counts. */
    byte[] exportTree(LocalDate asOf, Visibility visibility);

    /** The members of an organization (and its subtree) as .xlsx, in the import's columns. */
    byte[] exportMembers(OrganizationId organization, boolean subtree, LocalDate asOf, boolean withNationalIds);
}

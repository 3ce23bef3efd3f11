package org.cadre.platform;

import java.util.function.Supplier;

/**
 * Writing thousands of changes in one transaction (an import) without paying one statement per event publication
 * and per audit line: while the work runs on the calling thread, the registry's publication rows (one per event and
 * listener) and the audit trail's lines are collected, and written with one batched insert each when the work
 * ends, still inside the caller's transaction. The rows are the same as when written one by one; they commit or
 * roll back with the change. Nothing in the work may read those rows back before it ends (nothing does: they are
 * read after commit, by the listeners and the audit page).
 */
public interface BulkWrites {

    /**
     * Runs the work collecting its publications and audit lines, and writes them when it ends. Inside a scope
     * already open on this thread it just runs the work (the outer scope writes); outside a transaction it runs
     * the work and writes as it goes, since there is no transaction to keep the rows together.
     */
    <T> T collecting(Supplier<T> work);

    /** As {@link #collecting(Supplier)}, for work without a result. */
    default void collecting(Runnable work) {
        collecting(() -> {
            work.run();
            return null;
        });
    }
}

package org.cadre.platform;

/**
 * Work that one instance at a time may do, whichever instances share the database: seeding an empty database,
 * changes of a structure that one row cannot lock (the shape of the organization tree). Backed by PostgreSQL
 * advisory locks keyed by the lock's name.
 */
public interface ClusterLocks {

    /**
     * Runs the work while holding the named lock on a connection of its own, waiting while another instance holds
     * it; the lock is released when the work ends.
     */
    void runExclusively(String name, Runnable work);

    /**
     * Takes the named lock for the rest of the current transaction, waiting while another transaction holds it;
     * the commit or rollback releases it.
     *
     * @throws IllegalStateException when no transaction is active
     */
    void lockUntilTransactionEnds(String name);

    /**
     * Takes the named lock shared for the rest of the current transaction: any number of transactions may hold it
     * shared at once, while {@link #lockUntilTransactionEnds(String)} on the same name waits for them all (and they
     * for it). Work that many may do side by side, but not while one whole-set rewrite runs, takes it shared.
     *
     * @throws IllegalStateException when no transaction is active
     */
    void lockSharedUntilTransactionEnds(String name);
}

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
}

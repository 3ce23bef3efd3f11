package org.cadre.platform;

/**
 * Work that one instance at a time may do, whichever instances share the database: seeding an empty database,
 * a daily sweep that must run once. Backed by PostgreSQL advisory locks, held on a connection of their own for the
 * length of the work.
 */
public interface ClusterLocks {

    /** Runs the work while holding the named lock, waiting while another instance holds it. */
    void runExclusively(String name, Runnable work);

    /** Runs the work if no other instance holds the named lock now; returns whether it ran. */
    boolean tryRunExclusively(String name, Runnable work);
}

package org.cadre.platform.testing;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Who waits for a named {@link org.cadre.platform.ClusterLocks} lock, read from {@code pg_locks}: a test that makes
 * a transaction wait checks that it waits for this very lock, not for any advisory lock of the tests it shares the
 * database with. The key is the one {@code AdvisoryLocks} takes: a hash of {@code cadre:<name>}, split by PostgreSQL
 * into its two 32-bit halves.
 */
public final class LockWaits {

    private LockWaits() {
    }

    /** The transactions waiting for the named lock now. */
    public static int waitingFor(JdbcClient jdbc, String name) {
        return jdbc.sql("""
                SELECT count(*) FROM pg_locks l, (SELECT hashtextextended('cadre:' || :name, 0) AS h) k
                WHERE l.locktype = 'advisory' AND NOT l.granted AND l.objsubid = 1
                  AND l.classid::bigint = ((k.h >> 32) & 4294967295) AND l.objid::bigint = (k.h & 4294967295)
                """).param("name", name).query(Integer.class).single();
    }
}

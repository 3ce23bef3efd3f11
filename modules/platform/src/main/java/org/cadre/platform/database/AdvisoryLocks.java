package org.cadre.platform.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.cadre.platform.ClusterLocks;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** {@link ClusterLocks} as PostgreSQL advisory locks keyed by a hash of {@code cadre:<name>}. */
@Component
class AdvisoryLocks implements ClusterLocks {

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;

    AdvisoryLocks(DataSource dataSource) {
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
    }

    @Override
    public void runExclusively(String name, Runnable work) {
        runExclusively(dataSource, name, work);
    }

    @Override
    public void lockUntilTransactionEnds(String name) {
        requireTransaction(name);
        jdbc.query("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))", rs -> null, key(name));
    }

    @Override
    public void lockSharedUntilTransactionEnds(String name) {
        requireTransaction(name);
        jdbc.query("SELECT pg_advisory_xact_lock_shared(hashtextextended(?, 0))", rs -> null, key(name));
    }

    private static void requireTransaction(String name) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("The lock '" + name + "' is held until a transaction ends: start one");
        }
    }

    /**
     * Runs the work holding a session advisory lock on a connection of its own; also used before the application
     * context has a {@link ClusterLocks} bean (the migrations).
     */
    static void runExclusively(DataSource dataSource, String name, Runnable work) {
        try (Connection connection = dataSource.getConnection()) {
            execute(connection, "SELECT pg_advisory_lock(hashtextextended(?, 0))", name);
            try {
                work.run();
            } finally {
                execute(connection, "SELECT pg_advisory_unlock(hashtextextended(?, 0))", name);
            }
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("The lock '" + name + "' could not be taken: "
                    + e.getMessage(), e);
        }
    }

    private static void execute(Connection connection, String sql, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, key(name));
            statement.execute();
        }
    }

    private static String key(String name) {
        return "cadre:" + name;
    }
}

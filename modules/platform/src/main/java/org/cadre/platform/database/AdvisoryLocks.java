package org.cadre.platform.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.cadre.platform.ClusterLocks;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;

/** {@link ClusterLocks} as PostgreSQL session advisory locks keyed by the lock's name. */
@Component
class AdvisoryLocks implements ClusterLocks {

    private final DataSource dataSource;

    AdvisoryLocks(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void runExclusively(String name, Runnable work) {
        run(name, work, "SELECT pg_advisory_lock(hashtextextended(?, 0)), true");
    }

    @Override
    public boolean tryRunExclusively(String name, Runnable work) {
        return run(name, work, "SELECT pg_try_advisory_lock(hashtextextended(?, 0))");
    }

    private boolean run(String name, Runnable work, String take) {
        try (Connection connection = dataSource.getConnection()) {
            boolean held;
            try (PreparedStatement lock = connection.prepareStatement(take)) {
                lock.setString(1, "cadre:" + name);
                try (ResultSet rs = lock.executeQuery()) {
                    rs.next();
                    held = rs.getBoolean(take.contains("try") ? 1 : 2);
                }
            }
            if (!held) {
                return false;
            }
            try {
                work.run();
                return true;
            } finally {
                try (PreparedStatement unlock = connection.prepareStatement(
                        "SELECT pg_advisory_unlock(hashtextextended(?, 0))")) {
                    unlock.setString(1, "cadre:" + name);
                    unlock.execute();
                }
            }
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("The lock '" + name + "' could not be taken", e);
        }
    }
}

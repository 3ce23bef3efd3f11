package org.cadre.platform.database;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Whether an error means the database cannot be reached (stopped, restarting, the network down, the pool waited in
 * vain for a connection), as opposed to a fault of the request or of the code. Such an error is the server's
 * temporary state: the caller is told 503 and to try again, never a 500, a 401 or a stack trace. A transaction that
 * met it was rolled back by the database, so the refused write left nothing behind.
 */
public final class DatabaseOutage {

    private DatabaseOutage() {
    }

    /** Whether the error, or anything that caused it, says the database could not be reached. */
    public static boolean causedBy(Throwable error) {
        int depth = 0;
        for (Throwable cause = error; cause != null && depth < 32; cause = cause.getCause(), depth++) {
            if (cause instanceof DataAccessResourceFailureException
                    || cause instanceof TransientDataAccessResourceException
                    || cause instanceof CannotCreateTransactionException
                    || cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof SQLRecoverableException) {
                return true;
            }
            if (cause instanceof SQLException sql && (connectionLost(sql.getSQLState()) || evicted(sql))) {
                return true;
            }
            // a rollback after a lost connection fails too, and hides the error that caused it
            if (cause instanceof TransactionSystemException failed && failed.getApplicationException() != null
                    && causedBy(failed.getApplicationException())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Hikari's answer, without a SQLSTATE, for a connection it has already closed because the server broke it: a
     * commit that failed on a terminated session is rolled back on that closed connection, and the rollback's error
     * is the one that remains.
     */
    private static boolean evicted(SQLException sql) {
        StackTraceElement[] stack = sql.getStackTrace();
        return sql.getSQLState() == null && "Connection is closed".equals(sql.getMessage()) && stack.length > 0
                && stack[0].getClassName().startsWith("com.zaxxer.hikari.");
    }

    /**
     * SQLSTATE class 08 (connection exception) and the server's own shutdown codes: 57P01 admin shutdown (a fast
     * stop ends every session), 57P02 crash shutdown, 57P03 cannot connect now (starting up or shutting down).
     */
    private static boolean connectionLost(String state) {
        return state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
                || state.equals("57P03"));
    }
}

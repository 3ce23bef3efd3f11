package org.cadre.platform.events;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.cadre.platform.BulkWrites;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The bulk scope of {@link BulkWrites}, open on one thread at a time. Writers of the platform (the publication
 * registry's {@link CollectedPublications}, the audit trail) ask {@link #add} to hold a row instead of inserting
 * it; the scope hands each writer its rows, in the order they came, when the work ends or a writer has
 * {@value #FLUSH_AT} waiting (so memory stays bounded whatever the size of the work).
 */
@Component
public class BulkScope implements BulkWrites {

    /** Rows a writer keeps before they are written, scope open or not. */
    static final int FLUSH_AT = 5_000;

    private static final ThreadLocal<Open> OPEN = new ThreadLocal<>();

    private final DataSource dataSource;

    BulkScope(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Holds the row for the writer if a scope is open on this thread, and says so; otherwise the writer writes it
     * now. {@code writeAll} writes a list of the writer's rows in one go; the same writer passes the same function.
     * A row of another transaction than the scope's (work in a transaction of its own, inside the scope) is not
     * held: it belongs to that transaction.
     */
    public static <T> boolean add(Object writer, T row, Consumer<List<T>> writeAll) {
        Open open = OPEN.get();
        if (open == null || TransactionSynchronizationManager.getResource(open.dataSource) != open.connection) {
            return false;
        }
        open.add(writer, row, writeAll);
        return true;
    }

    @Override
    public <T> T collecting(Supplier<T> work) {
        if (OPEN.get() != null || !TransactionSynchronizationManager.isActualTransactionActive()) {
            return work.get();
        }
        Open open = new Open(dataSource, TransactionSynchronizationManager.getResource(dataSource));
        OPEN.set(open);
        T result;
        try {
            result = work.get();
        } catch (RuntimeException | Error failed) {
            // the rows still go in: a caller that catches the failure and commits must not lose the publications of
            // what was written before it (if the transaction is already broken, the original failure is what counts)
            try {
                OPEN.remove();
                open.writeAll();
            } catch (RuntimeException alsoFailed) {
                failed.addSuppressed(alsoFailed);
            }
            throw failed;
        } finally {
            OPEN.remove();
        }
        open.writeAll();
        return result;
    }

    /** The rows held on this thread, writer by writer in the order the writers first came. */
    private static final class Open {

        private final Map<Object, Held<?>> held = new LinkedHashMap<>();
        private final DataSource dataSource;
        /** The scope's transaction's connection, as the transaction manager binds it to the thread. */
        private final Object connection;

        Open(DataSource dataSource, Object connection) {
            this.dataSource = dataSource;
            this.connection = connection;
        }

        @SuppressWarnings("unchecked")
        <T> void add(Object writer, T row, Consumer<List<T>> writeAll) {
            Held<T> rows = (Held<T>) held.computeIfAbsent(writer, w -> new Held<>(writeAll));
            rows.rows.add(row);
            if (rows.rows.size() >= FLUSH_AT) {
                rows.write();
            }
        }

        void writeAll() {
            held.values().forEach(Held::write);
        }
    }

    private static final class Held<T> {

        final Consumer<List<T>> writeAll;
        final List<T> rows = new ArrayList<>();

        Held(Consumer<List<T>> writeAll) {
            this.writeAll = writeAll;
        }

        void write() {
            if (!rows.isEmpty()) {
                List<T> now = List.copyOf(rows);
                rows.clear();
                writeAll.accept(now);
            }
        }
    }
}

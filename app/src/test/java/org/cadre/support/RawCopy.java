package org.cadre.support;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.postgresql.PGConnection;

/**
 * The benchmarks' yardstick for writing: rows a query gives, copied out to a file, then timed as they are copied into
 * a new table of the same columns ({@code CREATE TABLE … (LIKE …)}: no keys, no indexes, no checks, no defaults).
 * What the application writes is reported against it (issue 14's targets are ratios to raw COPY).
 */
public final class RawCopy {

    /** What the COPY into the bare table took, the rows it copied and their size in COPY's text format. */
    public record Copied(long millis, long bytes, long rows) {
    }

    private RawCopy() {
    }

    /**
     * @param query a query of the benchmark's own (a literal with ids it read itself)
     * @param like  the table whose columns the bare table takes
     */
    public static Copied of(DataSource dataSource, String query, String like, Path work)
            throws SQLException, IOException {
        Path file = Files.createTempFile(work, "raw", ".copy");
        try (Connection connection = dataSource.getConnection()) {
            PGConnection pg = connection.unwrap(PGConnection.class);
            try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                pg.getCopyAPI().copyOut("COPY (" + query + ") TO STDOUT", out);
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("DROP TABLE IF EXISTS public.bench_raw_copy");
                statement.execute("CREATE TABLE public.bench_raw_copy (LIKE " + like + ")");
            }
            long started = System.nanoTime();
            long rows;
            try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                rows = pg.getCopyAPI().copyIn("COPY public.bench_raw_copy FROM STDIN", in);
            }
            long millis = (System.nanoTime() - started) / 1_000_000;
            try (Statement statement = connection.createStatement()) {
                statement.execute("DROP TABLE public.bench_raw_copy");
            }
            return new Copied(millis, Files.size(file), rows);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** {@link #of} for a whole table. */
    public static Copied table(DataSource dataSource, String table, Path work) throws SQLException, IOException {
        return of(dataSource, "SELECT * FROM " + table, table, work);
    }
}

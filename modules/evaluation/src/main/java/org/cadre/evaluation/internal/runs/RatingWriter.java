package org.cadre.evaluation.internal.runs;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.cadre.evaluation.internal.results.RatingJson;
import org.cadre.ratingrules.CalibrationCase;
import org.cadre.ratingrules.SubjectRating;
import org.cadre.ratingrules.facts.MemberFacts;
import org.cadre.ratingrules.facts.OrganizationFacts;
import org.cadre.ratingrules.facts.SubjectFacts;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

/**
 * Writes a run's ratings with PostgreSQL COPY, one batch (a grassroots organization) at a time, in the run's
 * transaction: each with the facts the rules were given and the explanation, under the run's id.
 */
@Component
class RatingWriter {

    private final DataSource dataSource;
    private final JdbcClient jdbc;

    RatingWriter(DataSource dataSource, JdbcClient jdbc) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
    }

    /** A rating with the facts it was made on. */
    record Rated(SubjectRating rating, SubjectFacts facts) {
    }

    /** The batch as rows of COPY's text format (on the rater's thread: no database). */
    String rows(UUID run, List<Rated> batch) {
        StringBuilder rows = new StringBuilder(batch.size() * 2700);
        CopyText copyText = new CopyText(rows);
        for (Rated rated : batch) {
            SubjectRating rating = rated.rating();
            SubjectFacts facts = rated.facts();
            String organization;
            String grassroots;
            if (facts instanceof MemberFacts member) {
                organization = member.getOrganizationId();
                grassroots = member.getGrassrootsOrganizationId();
            } else {
                OrganizationFacts org = (OrganizationFacts) facts;
                organization = org.getParentId();
                grassroots = org.getGrassrootsOrganizationId();
            }
            field(rows, run.toString()).append('\t');
            field(rows, rating.subject().name()).append('\t');
            field(rows, rating.subjectId()).append('\t');
            field(rows, organization).append('\t');
            field(rows, grassroots).append('\t');
            field(rows, rating.level()).append('\t');
            rows.append(rating.excluded() ? 't' : 'f').append('\t');
            rows.append(rating.pending() ? 't' : 'f').append('\t');
            field(rows, rating.decisiveReason().map(r -> r.ruleId() != null ? r.ruleId() : r.code()).orElse(null))
                    .append('\t');
            RatingJson.write(facts, copyText);
            rows.append('\t');
            RatingJson.write(rating, copyText);
            rows.append('\n');
        }
        return rows.toString();
    }

    /**
     * Starts the run's one COPY, on the run's transaction's connection: every batch is written into it as it comes
     * and it ends with the run. One COPY for the whole run, not one a batch: a national run has 55,000 batches, and
     * each COPY of its own costs a round trip and a statement. Nothing else may use the connection until it ends.
     */
    Copy open() {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn("""
                    COPY evaluation.rating (run_id, subject, subject_id, organization_id, grassroots_id, level,
                        excluded, pending, decisive_rule, facts, explanation) FROM STDIN
                    """);
            return new Copy(connection, copy);
        } catch (SQLException e) {
            DataSourceUtils.releaseConnection(connection, dataSource);
            throw new DataAccessResourceFailureException("Could not start writing the run's ratings", e);
        }
    }

    /** A run's COPY in progress. */
    final class Copy implements AutoCloseable {

        private final Connection connection;
        private final CopyIn copy;

        private Copy(Connection connection, CopyIn copy) {
            this.connection = connection;
            this.copy = copy;
        }

        /** Writes prepared rows; returns the nanoseconds it took. */
        long write(String rows) {
            if (rows.isEmpty()) {
                return 0;
            }
            long started = System.nanoTime();
            byte[] bytes = rows.getBytes(StandardCharsets.UTF_8);
            try {
                copy.writeToCopy(bytes, 0, bytes.length);
            } catch (SQLException e) {
                throw new DataAccessResourceFailureException("Could not write the run's ratings", e);
            }
            return System.nanoTime() - started;
        }

        /** Ends the COPY (the rows are then checked and stored); returns the nanoseconds it took. */
        long end() {
            long started = System.nanoTime();
            try {
                copy.endCopy();
            } catch (SQLException e) {
                throw new DataAccessResourceFailureException("Could not write the run's ratings", e);
            }
            return System.nanoTime() - started;
        }

        /** Gives the connection back; a COPY not ended is cancelled (the run's transaction then rolls back). */
        @Override
        public void close() {
            try {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            } catch (SQLException e) {
                // the transaction fails anyway: the run reports the first error, not this one
            } finally {
                DataSourceUtils.releaseConnection(connection, dataSource);
            }
        }
    }

    void write(UUID run, CalibrationCase calibration) {
        jdbc.sql("""
                INSERT INTO evaluation.calibration_case (case_id, run_id, quota_id, group_id, level, demote_to,
                    base_count, allowed, proposed, excess, subjects, article)
                VALUES (:id, :run, :quota, :group, :level, :demoteTo, :base, :allowed, :proposed, :excess,
                    :subjects, :article)
                """).param("id", UUID.randomUUID()).param("run", run).param("quota", calibration.quotaId())
                .param("group", calibration.group()).param("level", calibration.level())
                .param("demoteTo", calibration.demoteTo()).param("base", calibration.baseCount())
                .param("allowed", calibration.allowed()).param("proposed", calibration.proposed())
                .param("excess", calibration.excess())
                .param("subjects", calibration.subjects().stream().map(UUID::fromString).toArray(UUID[]::new))
                .param("article", calibration.article()).update();
    }

    /** A value in COPY's text format: NULL as \N, and the characters COPY treats specially escaped. */
    private static StringBuilder field(StringBuilder out, String value) {
        if (value == null) {
            return out.append("\\N");
        }
        int from = 0;
        for (int i = 0; i < value.length(); i++) {
            String escaped = escape(value.charAt(i));
            if (escaped != null) {
                out.append(value, from, i).append(escaped);
                from = i + 1;
            }
        }
        return out.append(value, from, value.length());
    }

    private static String escape(char c) {
        return switch (c) {
            case '\\' -> "\\\\";
            case '\t' -> "\\t";
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            default -> null;
        };
    }

    /**
     * A writer into the rows that escapes for COPY's text format as it goes: the JSON columns are written straight
     * into the rows, in runs of ordinary characters, instead of into a string first and then character by character
     * (a fifth of a run's rater thread, profiled at the province scale).
     */
    private static final class CopyText extends Writer {

        private final StringBuilder out;

        CopyText(StringBuilder out) {
            this.out = out;
        }

        @Override
        public void write(char[] chars, int offset, int length) {
            int from = offset;
            int end = offset + length;
            for (int i = offset; i < end; i++) {
                String escaped = escape(chars[i]);
                if (escaped != null) {
                    out.append(chars, from, i - from).append(escaped);
                    from = i + 1;
                }
            }
            out.append(chars, from, end - from);
        }

        @Override
        public void write(String text, int offset, int length) {
            int from = offset;
            int end = offset + length;
            for (int i = offset; i < end; i++) {
                String escaped = escape(text.charAt(i));
                if (escaped != null) {
                    out.append(text, from, i).append(escaped);
                    from = i + 1;
                }
            }
            out.append(text, from, end);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}

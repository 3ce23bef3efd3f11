package org.cadre.evaluation.internal.runs;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
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
        StringBuilder rows = new StringBuilder(batch.size() * 3000);
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
            field(rows, RatingJson.write(facts)).append('\t');
            field(rows, RatingJson.write(rating)).append('\n');
        }
        return rows.toString();
    }

    /** Writes prepared rows in the run's transaction; returns the nanoseconds it took. */
    long copy(String rows) {
        if (rows.isEmpty()) {
            return 0;
        }
        long started = System.nanoTime();
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn("""
                    COPY evaluation.rating (run_id, subject, subject_id, organization_id, grassroots_id, level,
                        excluded, pending, decisive_rule, facts, explanation) FROM STDIN
                    """, new StringReader(rows));
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("Could not write the run's ratings", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
        return System.nanoTime() - started;
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
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
        return out;
    }
}

package org.cadre.commitments.internal;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Inserts of many rows in one statement per thousand (PostgreSQL {@code unnest} of arrays): the template cascade
 * and the bulk load write registers and items this way instead of a statement per row.
 */
final class Batches {

    static final int SIZE = 1000;

    private Batches() {
    }

    /** Rows: id, campaign, resolution, member, organization, year (drafts). */
    static void registers(JdbcClient jdbc, List<Object[]> rows) {
        for (int from = 0; from < rows.size(); from += SIZE) {
            List<Object[]> b = rows.subList(from, Math.min(rows.size(), from + SIZE));
            jdbc.sql("""
                    INSERT INTO commitments.register (id, campaign_id, resolution_id, member_id, organization_id, year,
                        status)
                    SELECT *, 'DRAFT' FROM unnest(CAST(:ids AS UUID[]), CAST(:campaigns AS UUID[]),
                        CAST(:resolutions AS UUID[]), CAST(:members AS UUID[]), CAST(:organizations AS UUID[]),
                        CAST(:years AS INT[]))
                    """).param("ids", column(b, 0, UUID[]::new)).param("campaigns", column(b, 1, UUID[]::new))
                    .param("resolutions", column(b, 2, UUID[]::new)).param("members", column(b, 3, UUID[]::new))
                    .param("organizations", column(b, 4, UUID[]::new)).param("years", column(b, 5, Integer[]::new))
                    .update();
        }
    }

    /** Rows: id, register, position, content, task, target, deadline, weight, template (open items). */
    static void items(JdbcClient jdbc, List<Object[]> rows) {
        for (int from = 0; from < rows.size(); from += SIZE) {
            List<Object[]> b = rows.subList(from, Math.min(rows.size(), from + SIZE));
            jdbc.sql("""
                    INSERT INTO commitments.register_item (id, register_id, position, content, task, target, deadline,
                        weight, template_id, status)
                    SELECT *, 'OPEN' FROM unnest(CAST(:ids AS UUID[]), CAST(:registers AS UUID[]),
                        CAST(:positions AS INT[]), CAST(:contents AS VARCHAR[]), CAST(:tasks AS VARCHAR[]),
                        CAST(:targets AS VARCHAR[]), CAST(:deadlines AS DATE[]), CAST(:weights AS INT[]),
                        CAST(:templates AS UUID[]))
                    """).param("ids", column(b, 0, UUID[]::new)).param("registers", column(b, 1, UUID[]::new))
                    .param("positions", column(b, 2, Integer[]::new)).param("contents", column(b, 3, String[]::new))
                    .param("tasks", column(b, 4, String[]::new)).param("targets", column(b, 5, String[]::new))
                    .param("deadlines", dates(b, 6)).param("weights", column(b, 7, Integer[]::new))
                    .param("templates", column(b, 8, UUID[]::new)).update();
        }
    }

    @SuppressWarnings("unchecked")
    static <T> T[] column(List<Object[]> rows, int index, java.util.function.IntFunction<T[]> array) {
        T[] out = array.apply(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            out[i] = (T) rows.get(i)[index];
        }
        return out;
    }

    static Date[] dates(List<Object[]> rows, int index) {
        Date[] out = new Date[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            LocalDate date = (LocalDate) rows.get(i)[index];
            out[i] = date == null ? null : Date.valueOf(date);
        }
        return out;
    }
}

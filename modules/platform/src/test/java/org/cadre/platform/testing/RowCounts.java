package org.cadre.platform.testing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The number of rows of every table of some schemas: equal before and after a refused call means nothing of it was
 * written, not even part.
 */
public final class RowCounts {

    private RowCounts() {
    }

    public static Map<String, Long> of(JdbcClient jdbc, String... schemas) {
        List<String> tables = jdbc.sql("""
                        SELECT table_schema || '.' || table_name FROM information_schema.tables
                        WHERE table_type = 'BASE TABLE' AND table_schema IN (:schemas)
                          AND table_name NOT LIKE 'flyway%' ORDER BY 1
                        """).param("schemas", List.of(schemas)).query(String.class).list();
        Map<String, Long> counts = new LinkedHashMap<>();
        if (tables.isEmpty()) {
            return counts;
        }
        // one statement: one snapshot of every table
        String sql = String.join(" UNION ALL ", tables.stream()
                .map(t -> "SELECT '" + t + "', count(*) FROM " + t).toList());
        jdbc.sql(sql).query((rs, n) -> counts.put(rs.getString(1), rs.getLong(2))).list();
        return counts;
    }
}

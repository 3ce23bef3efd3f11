package org.cadre.platform.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.cadre.platform.AuditLine;
import org.cadre.platform.AuditTrail;
import org.cadre.platform.Caller;
import org.cadre.platform.CurrentCaller;
import org.cadre.platform.events.BulkScope;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit trail in {@code audit.entry}. A line is inserted through the same data source, so inside a transaction
 * it joins it: it commits with the change or not at all. In a {@link org.cadre.platform.BulkWrites} scope the lines
 * are held and inserted in one batch when the scope ends, in the same transaction. Nothing here updates or deletes;
 * the table's triggers would refuse it anyway.
 */
@Component
class JdbcAuditTrail implements AuditTrail {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private static final String INSERT = """
            INSERT INTO audit.entry (recorded_at, username, roles, module, kind, target, organization, arguments)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)""";

    private final JdbcClient jdbc;
    private final JdbcOperations operations;
    private final CurrentCaller callers;
    private final JsonMapper json;
    private final Clock clock;
    private final ZoneId zone;

    JdbcAuditTrail(JdbcClient jdbc, JdbcOperations operations, CurrentCaller callers, JsonMapper json, Clock clock,
            @Value("${cadre.time-zone}") ZoneId zone) {
        this.jdbc = jdbc;
        this.operations = operations;
        this.callers = callers;
        this.json = json;
        this.clock = clock;
        this.zone = zone;
    }

    @Override
    public void record(AuditLine line) {
        Caller caller = callers.get();
        String roles = caller.roles().stream().map(Enum::name).sorted().collect(Collectors.joining(","));
        // who and when are taken now, so a line held by a bulk scope reads as if written at once
        Row row = new Row(Timestamp.from(clock.instant()),
                !caller.isAnonymous() ? caller.username() : line.actor() == null ? "" : line.actor(), roles,
                line.module(), line.kind(), line.target(), line.organization(),
                json.writeValueAsString(line.arguments()));
        if (!BulkScope.add(this, row, this::insertAll)) {
            insertAll(List.of(row));
        }
    }

    /** One line of {@code audit.entry} as inserted. */
    private record Row(Timestamp at, String username, String roles, String module, String kind, String target,
            UUID organization, String arguments) {
    }

    /** The lines in one batched insert (one line: one plain insert). */
    private void insertAll(List<Row> rows) {
        if (rows.size() == 1) {
            Row row = rows.get(0);
            operations.update(INSERT, row.at(), row.username(), row.roles(), row.module(), row.kind(), row.target(),
                    row.organization(), row.arguments());
            return;
        }
        operations.batchUpdate(INSERT, rows, 1_000, (statement, row) -> {
            statement.setTimestamp(1, row.at());
            statement.setString(2, row.username());
            statement.setString(3, row.roles());
            statement.setString(4, row.module());
            statement.setString(5, row.kind());
            statement.setString(6, row.target());
            statement.setObject(7, row.organization());
            statement.setString(8, row.arguments());
        });
    }

    /** The lines that match, newest first. */
    List<AuditEntry> find(AuditFilter filter, int offset, int limit) {
        Map<String, Object> params = new TreeMap<>();
        String where = where(filter, params);
        return jdbc.sql("SELECT id, recorded_at, username, roles, kind, target, organization, arguments "
                        + "FROM audit.entry" + where + " ORDER BY id DESC OFFSET :offset LIMIT :limit")
                .params(params).param("offset", offset).param("limit", limit)
                .query((rs, n) -> new AuditEntry(rs.getLong("id"), rs.getTimestamp("recorded_at").toInstant(),
                        rs.getString("username"), rs.getString("roles"),
                        new AuditLine(rs.getString("kind"), rs.getString("target"),
                                rs.getObject("organization", UUID.class),
                                json.readValue(rs.getString("arguments"), STRINGS))))
                .list();
    }

    long count(AuditFilter filter) {
        Map<String, Object> params = new TreeMap<>();
        String where = where(filter, params);
        return jdbc.sql("SELECT count(*) FROM audit.entry" + where).params(params).query(Long.class).single();
    }

    /** The modules and kinds recorded so far, for the filter's choices. */
    List<String> kinds() {
        return jdbc.sql("SELECT DISTINCT kind FROM audit.entry ORDER BY kind").query(String.class).list();
    }

    private String where(AuditFilter filter, Map<String, Object> params) {
        List<String> clauses = new ArrayList<>();
        if (filter.module() != null) {
            clauses.add("module = :module");
            params.put("module", filter.module());
        }
        if (filter.kind() != null) {
            clauses.add("kind = :kind");
            params.put("kind", filter.kind());
        }
        if (filter.user() != null) {
            clauses.add("username = :username");
            params.put("username", filter.user());
        }
        if (filter.from() != null) {
            clauses.add("recorded_at >= :from");
            params.put("from", start(filter.from()));
        }
        if (filter.to() != null) {
            clauses.add("recorded_at < :to");
            params.put("to", start(filter.to().plusDays(1)));
        }
        return clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses);
    }

    /** A day of the filter begins at midnight in the committee's zone. */
    private Timestamp start(LocalDate day) {
        Instant instant = day.atStartOfDay(zone).toInstant();
        return Timestamp.from(instant);
    }
}

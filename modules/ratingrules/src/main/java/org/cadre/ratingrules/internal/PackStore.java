package org.cadre.ratingrules.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cadre.ratingrules.AuditEntry;
import org.cadre.ratingrules.PackState;
import org.cadre.ratingrules.PackSummary;
import org.cadre.ratingrules.PackVersion;
import org.cadre.ratingrules.ValidationReport;
import org.cadre.ratingrules.pack.Manifest;
import org.cadre.ratingrules.pack.PackFiles;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** The registry's tables in the {@code ratingrules} schema. Versions and their files are never updated. */
@Component
class PackStore {

    private static final String COLUMNS = "pack_id, version, state, name_vi, name_en, regulation, years_from, "
            + "years_to, subjects, checksum, author, created_at, source, based_on, valid, activated_at, activated_by, "
            + "report";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    PackStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void insert(Manifest manifest, PackFiles files, ValidationReport report, String author, String source,
            Integer basedOn) {
        jdbc.sql("INSERT INTO ratingrules.pack_version (pack_id, version, state, name_vi, name_en, regulation, "
                        + "years_from, years_to, subjects, checksum, author, source, based_on, valid, report) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(manifest.id(), manifest.version(),
                        (report.valid() ? PackState.VALIDATED : PackState.DRAFT).name(),
                        manifest.name().get("vi"), manifest.name().get("en"),
                        manifest.regulation() == null ? null : manifest.regulation().number(), manifest.yearFrom(),
                        manifest.yearTo(), String.join(",", manifest.subjects().stream().map(Enum::name).toList()),
                        files.checksum(), author, source, basedOn, report.valid(), json.writeValueAsString(report))
                .update();
        files.asMap().forEach((path, content) -> jdbc.sql(
                        "INSERT INTO ratingrules.pack_file (pack_id, version, path, content) VALUES (?, ?, ?, ?)")
                .params(manifest.id(), manifest.version(), path, content).update());
    }

    Optional<PackVersion> find(String packId, int version) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM ratingrules.pack_version WHERE pack_id = ? AND version = ?")
                .params(packId, version).query(this::version).optional();
    }

    List<PackVersion> versions(String packId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM ratingrules.pack_version WHERE pack_id = ? ORDER BY version DESC")
                .param(packId).query(this::version).list();
    }

    List<PackVersion> active() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM ratingrules.pack_version WHERE state = 'ACTIVE' "
                + "ORDER BY pack_id, version").query(this::version).list();
    }

    int maxVersion(String packId) {
        Integer max = jdbc.sql("SELECT coalesce(max(version), 0) FROM ratingrules.pack_version WHERE pack_id = ?").param(packId)
                .query(Integer.class).single();
        return max == null ? 0 : max;
    }

    List<PackSummary> summaries() {
        return jdbc.sql("""
                SELECT v.pack_id, v.name_vi, v.name_en, v.years_from, v.years_to, v.version,
                       (SELECT a.version FROM ratingrules.pack_version a WHERE a.pack_id = v.pack_id AND a.state = 'ACTIVE'
                        ORDER BY a.version DESC LIMIT 1) AS active_version,
                       (SELECT count(*) FROM ratingrules.pack_version c WHERE c.pack_id = v.pack_id) AS versions
                FROM ratingrules.pack_version v
                WHERE v.version = (SELECT max(m.version) FROM ratingrules.pack_version m WHERE m.pack_id = v.pack_id)
                ORDER BY v.pack_id""").query((rs, n) -> new PackSummary(rs.getString("pack_id"), rs.getString("name_vi"),
                rs.getString("name_en"), years(rs), rs.getInt("version"), (Integer) rs.getObject("active_version"),
                rs.getInt("versions"))).list();
    }

    PackFiles files(String packId, int version) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        jdbc.sql("SELECT path, content FROM ratingrules.pack_file WHERE pack_id = ? AND version = ? ORDER BY path")
                .params(packId, version)
                .query((ResultSet rs) -> {
                    files.put(rs.getString("path"), rs.getBytes("content"));
                });
        return PackFiles.of(files);
    }

    void state(String packId, int version, PackState state, String actor) {
        if (state == PackState.ACTIVE) {
            jdbc.sql("UPDATE ratingrules.pack_version SET state = 'ACTIVE', activated_at = now(), activated_by = ? "
                    + "WHERE pack_id = ? AND version = ?").params(actor, packId, version).update();
        } else {
            jdbc.sql("UPDATE ratingrules.pack_version SET state = ? WHERE pack_id = ? AND version = ?")
                    .params(state.name(), packId, version).update();
        }
    }

    void report(String packId, int version, ValidationReport report) {
        jdbc.sql("UPDATE ratingrules.pack_version SET report = ? WHERE pack_id = ? AND version = ?")
                .params(json.writeValueAsString(report), packId, version).update();
    }

    void audit(String actor, String action, String packId, Integer version, String detail) {
        jdbc.sql("INSERT INTO ratingrules.audit_entry (actor, action, pack_id, version, detail) VALUES (?, ?, ?, ?, ?)")
                .params(actor, action, packId, version, storable(detail)).update();
    }

    /**
     * A detail may quote what an upload held (a refused entry's name): PostgreSQL text cannot hold NUL, which made
     * the refusal's audit line, and so the refusal, fail with a 500; it is written as the six visible characters of
     * its Java escape.
     */
    private static String storable(String text) {
        return text == null ? null : text.replace("\u0000", "\\u0000");
    }

    List<AuditEntry> audit(String packId) {
        String where = packId == null ? "" : " WHERE pack_id = ?";
        var statement = jdbc.sql("SELECT id, at, actor, action, pack_id, version, detail FROM ratingrules.audit_entry"
                + where + " ORDER BY id DESC LIMIT 500");
        if (packId != null) {
            statement = statement.param(packId);
        }
        return statement.query((rs, n) -> new AuditEntry(rs.getLong("id"), rs.getTimestamp("at").toInstant(),
                rs.getString("actor"), rs.getString("action"), rs.getString("pack_id"),
                (Integer) rs.getObject("version"), rs.getString("detail"))).list();
    }

    /** Locks the generation row (serializing activations across instances) and returns its value. */
    long lockGeneration() {
        return jdbc.sql("SELECT value FROM ratingrules.activation_generation WHERE id = 1 FOR UPDATE")
                .query(Long.class).single();
    }

    long raiseGeneration() {
        return jdbc.sql("UPDATE ratingrules.activation_generation SET value = value + 1 WHERE id = 1 RETURNING value")
                .query(Long.class).single();
    }

    long generation() {
        return jdbc.sql("SELECT value FROM ratingrules.activation_generation WHERE id = 1").query(Long.class).single();
    }

    private PackVersion version(ResultSet rs, int row) throws SQLException {
        String subjects = rs.getString("subjects");
        return new PackVersion(rs.getString("pack_id"), rs.getInt("version"), PackState.valueOf(rs.getString("state")),
                rs.getString("name_vi"), rs.getString("name_en"), rs.getString("regulation"),
                (Integer) rs.getObject("years_from"), (Integer) rs.getObject("years_to"),
                subjects == null || subjects.isEmpty() ? List.of() : Arrays.asList(subjects.split(",")),
                rs.getString("checksum"), rs.getString("author"), instant(rs.getTimestamp("created_at")),
                rs.getString("source"), (Integer) rs.getObject("based_on"), rs.getBoolean("valid"),
                instant(rs.getTimestamp("activated_at")), rs.getString("activated_by"),
                json.readValue(rs.getString("report"), ValidationReport.class));
    }

    private static String years(ResultSet rs) throws SQLException {
        Integer from = (Integer) rs.getObject("years_from");
        Integer to = (Integer) rs.getObject("years_to");
        return from == null ? "" : from + "–" + (to == null ? "" : to);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    static List<String> list(String csv) {
        return csv == null || csv.isBlank() ? List.of() : new ArrayList<>(Arrays.asList(csv.split(",")));
    }
}

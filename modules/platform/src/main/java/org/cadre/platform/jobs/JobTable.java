package org.cadre.platform.jobs;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.cadre.platform.Caller;
import org.cadre.platform.Job;
import org.cadre.platform.JobId;
import org.cadre.platform.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The rows of {@code jobs.job}: every read and write of the table, each in the caller's transaction. */
final class JobTable {

    private static final String COLUMNS = """
            id, kind, state, owner, done, total, result, problem_key, problem_arguments, created_at, started_at,
            finished_at""";

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    JobTable(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    void insert(JobId id, String kind, Caller caller, byte[] input, Map<String, String> parameters) {
        jdbc.sql("""
                INSERT INTO jobs.job (id, kind, state, owner, owner_roles, owner_member, owner_organization,
                    owner_body, parameters, input, created_at)
                VALUES (:id, :kind, 'QUEUED', :owner, :roles, :member, :organization, :body, :parameters, :input,
                    :now)
                """).param("id", id.value()).param("kind", kind).param("owner", caller.username())
                .param("roles", caller.roles().stream().map(Role::name).sorted().collect(Collectors.joining(",")))
                .param("member", caller.member().orElse(null))
                .param("organization", caller.organizationScope().orElse(null))
                .param("body", caller.coordinatingBody().orElse(null))
                .param("parameters", json.writeValueAsString(parameters)).param("input", input)
                .param("now", now()).update();
    }

    int queued() {
        return jdbc.sql("SELECT count(*) FROM jobs.job WHERE state = 'QUEUED'").query(Integer.class).single();
    }

    Optional<Job> find(JobId id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM jobs.job WHERE id = :id").param("id", id.value())
                .query(this::job).optional();
    }

    Optional<Job> unfinished(String kind, String owner) {
        return jdbc.sql("SELECT " + COLUMNS + """
                 FROM jobs.job WHERE kind = :kind AND owner = :owner AND state IN ('QUEUED', 'RUNNING')
                ORDER BY created_at LIMIT 1
                """).param("kind", kind).param("owner", owner).query(this::job).optional();
    }

    /**
     * Takes the oldest queued job of a kind this instance can run; other instances skip the row it locked. An
     * instance that lacks a handler (an older version during an upgrade) leaves the job to one that has it.
     */
    Optional<Claimed> claim(String instance, Set<String> kinds) {
        if (kinds.isEmpty()) {
            return Optional.empty();
        }
        return jdbc.sql("""
                UPDATE jobs.job SET state = 'RUNNING', instance = :instance, started_at = :now, heartbeat_at = :now
                WHERE id = (SELECT id FROM jobs.job WHERE state = 'QUEUED' AND kind = ANY (:kinds)
                            ORDER BY created_at FOR UPDATE SKIP LOCKED LIMIT 1)
                RETURNING id, kind, owner, owner_roles, owner_member, owner_organization, owner_body, parameters, input
                """).param("instance", instance).param("now", now()).param("kinds", kinds.toArray(String[]::new))
                .query((rs, row) -> claimed(rs)).optional();
    }

    void progress(JobId id, int done, int total) {
        jdbc.sql("""
                UPDATE jobs.job SET done = :done, total = :total, heartbeat_at = :now
                WHERE id = :id AND state = 'RUNNING'
                """).param("done", done).param("total", total).param("now", now()).param("id", id.value()).update();
    }

    void heartbeat(List<JobId> running) {
        if (running.isEmpty()) {
            return;
        }
        jdbc.sql("UPDATE jobs.job SET heartbeat_at = :now WHERE id = ANY (:ids) AND state = 'RUNNING'")
                .param("now", now()).param("ids", running.stream().map(JobId::value).toArray(UUID[]::new)).update();
    }

    void succeeded(JobId id, String result) {
        jdbc.sql("""
                UPDATE jobs.job SET state = 'SUCCEEDED', result = :result, done = greatest(done, total), input = NULL,
                    finished_at = :now, heartbeat_at = :now
                WHERE id = :id AND state = 'RUNNING'
                """).param("result", result).param("now", now()).param("id", id.value()).update();
    }

    void failed(JobId id, String problemKey, List<String> arguments) {
        jdbc.sql("""
                UPDATE jobs.job SET state = 'FAILED', problem_key = :key, problem_arguments = :arguments,
                    input = NULL, finished_at = :now, heartbeat_at = :now
                WHERE id = :id AND state = 'RUNNING'
                """).param("key", problemKey).param("arguments", json.writeValueAsString(arguments))
                .param("now", now()).param("id", id.value()).update();
    }

    /** Fails running jobs whose instance stopped beating; returns how many. */
    int failStale(Instant before) {
        return jdbc.sql("""
                UPDATE jobs.job SET state = 'FAILED', problem_key = 'problem.job.interrupted', input = NULL,
                    finished_at = :now
                WHERE state = 'RUNNING' AND heartbeat_at < :before
                """).param("now", now()).param("before", OffsetDateTime.ofInstant(before, ZoneOffset.UTC)).update();
    }

    int deleteFinishedBefore(Instant before) {
        return jdbc.sql("DELETE FROM jobs.job WHERE finished_at < :before")
                .param("before", OffsetDateTime.ofInstant(before, ZoneOffset.UTC)).update();
    }

    private Job job(ResultSet rs, int row) throws SQLException {
        String arguments = rs.getString("problem_arguments");
        return new Job(new JobId(rs.getObject("id", UUID.class)), rs.getString("kind"), rs.getString("owner"),
                Job.State.valueOf(rs.getString("state")), rs.getInt("done"), rs.getInt("total"),
                rs.getString("result"), rs.getString("problem_key"),
                arguments == null ? List.of() : json.readValue(arguments, new TypeReference<List<String>>() { }),
                instant(rs, "created_at"), instant(rs, "started_at"), instant(rs, "finished_at"));
    }

    private Claimed claimed(ResultSet rs) throws SQLException {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Arrays.stream(rs.getString("owner_roles").split(",")).filter(r -> !r.isBlank())
                .forEach(r -> roles.add(Role.valueOf(r)));
        Caller caller = new Caller(rs.getString("owner"), roles, rs.getObject("owner_member", UUID.class),
                rs.getObject("owner_organization", UUID.class), rs.getObject("owner_body", UUID.class));
        Map<String, String> parameters = json.readValue(rs.getString("parameters"),
                new TypeReference<Map<String, String>>() { });
        return new Claimed(new JobId(rs.getObject("id", UUID.class)), rs.getString("kind"), caller,
                rs.getBytes("input"), parameters);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    /** A job this instance took, with what the handler needs. */
    record Claimed(JobId id, String kind, Caller caller, byte[] input, Map<String, String> parameters) {
    }
}

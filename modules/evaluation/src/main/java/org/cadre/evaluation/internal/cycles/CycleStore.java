package org.cadre.evaluation.internal.cycles;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.cadre.evaluation.CycleStatus;
import org.cadre.evaluation.CycleStatusChange;
import org.cadre.evaluation.EvaluationRefusal;
import org.cadre.evaluation.RunState;
import org.cadre.evaluation.RunView;
import org.cadre.evaluation.domain.Cycle;
import org.cadre.platform.Refused;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Cycles and runs in evaluation's schema. */
@Repository
public class CycleStore {

    private final JdbcClient jdbc;

    CycleStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A stored cycle with what pages show besides the domain's state. */
    public record StoredCycle(Cycle cycle, Instant openedAt, String openedBy) {
    }

    void insert(Cycle cycle, Instant at, String by) {
        try {
            jdbc.sql("""
                    INSERT INTO evaluation.cycle (cycle_id, year, scope_id, pack_id, pack_version, status, opened_on,
                        opened_by)
                    VALUES (:id, :year, :scope, :pack, :version, :status, :at, :by)
                    """).param("id", cycle.id()).param("year", cycle.year()).param("scope", cycle.scope())
                    .param("pack", cycle.packId()).param("version", cycle.packVersion())
                    .param("status", cycle.status().name()).param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                    .param("by", by).update();
        } catch (DuplicateKeyException e) {
            throw new Refused(EvaluationRefusal.CYCLE_EXISTS, cycle.year());
        }
    }

    public Optional<StoredCycle> find(UUID id) {
        return jdbc.sql("SELECT * FROM evaluation.cycle WHERE cycle_id = :id").param("id", id)
                .query(CycleStore::cycle).optional();
    }

    /** The cycle of a year and scope, if opened. */
    public Optional<StoredCycle> find(int year, UUID scope) {
        return jdbc.sql("SELECT * FROM evaluation.cycle WHERE year = :year AND scope_id = :scope")
                .param("year", year).param("scope", scope).query(CycleStore::cycle).optional();
    }

    public List<StoredCycle> all() {
        return jdbc.sql("SELECT * FROM evaluation.cycle ORDER BY year DESC, opened_on").query(CycleStore::cycle)
                .list();
    }

    /** Points the cycle at a finished run. */
    void current(UUID cycle, UUID run) {
        jdbc.sql("UPDATE evaluation.cycle SET current_run_id = :run, version = version + 1 WHERE cycle_id = :id")
                .param("run", run).param("id", cycle).update();
    }

    /**
     * Sets the cycle's status if it still is {@code from} and records the change; false when another request changed
     * it first (the caller then refuses as the domain would).
     */
    boolean status(UUID cycle, CycleStatus from, CycleStatus to, String by, Instant at, String reason) {
        boolean changed = jdbc.sql("""
                UPDATE evaluation.cycle SET status = :to, version = version + 1
                WHERE cycle_id = :id AND status = :from
                """).param("to", to.name()).param("id", cycle).param("from", from.name()).update() == 1;
        if (changed) {
            jdbc.sql("""
                    INSERT INTO evaluation.cycle_status_change (cycle_id, status, changed_by, changed_at, reason)
                    VALUES (:cycle, :status, :by, :at, :reason)
                    """).param("cycle", cycle).param("status", to.name()).param("by", by)
                    .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC)).param("reason", reason).update();
        }
        return changed;
    }

    /** The cycle's closings and reopenings, oldest first. */
    public List<CycleStatusChange> statusChanges(UUID cycle) {
        return jdbc.sql("""
                SELECT status, changed_by, changed_at, reason FROM evaluation.cycle_status_change
                WHERE cycle_id = :cycle ORDER BY changed_at, change_id
                """).param("cycle", cycle).query((rs, row) -> new CycleStatusChange(
                        CycleStatus.valueOf(rs.getString("status")), rs.getString("changed_by"),
                        rs.getObject("changed_at", OffsetDateTime.class).toInstant(), rs.getString("reason")))
                .list();
    }

    /**
     * Records a run as running. The database allows one running run per cycle, whatever instance asks: the second
     * is refused with when the first started.
     */
    void insertRun(UUID run, UUID cycle, String packId, int packVersion, String by, Instant at) {
        try {
            jdbc.sql("""
                    INSERT INTO evaluation.run (run_id, cycle_id, state, pack_id, pack_version, requested_by,
                        started_at)
                    VALUES (:run, :cycle, 'RUNNING', :pack, :version, :by, :at)
                    """).param("run", run).param("cycle", cycle).param("pack", packId).param("version", packVersion)
                    .param("by", by).param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC)).update();
        } catch (DuplicateKeyException e) {
            // another instance started one between the caller's check and this insert; the transaction is
            // aborted now, so the refusal cannot read when that one started
            throw new Refused(EvaluationRefusal.RUN_IN_PROGRESS, "…");
        }
    }

    void job(UUID run, UUID job) {
        jdbc.sql("UPDATE evaluation.run SET job_id = :job WHERE run_id = :run").param("job", job).param("run", run)
                .update();
    }

    /**
     * Marks a run succeeded if it is still running; false if it was settled as failed meanwhile (its instance was
     * taken for dead while it ran). The row's lock orders this against the settling.
     */
    boolean succeeded(UUID run, Instant at, int members, int organizations, String digest) {
        return jdbc.sql("""
                UPDATE evaluation.run SET state = 'SUCCEEDED', finished_at = :at, members = :members,
                    organizations = :organizations, digest = :digest
                WHERE run_id = :run AND state = 'RUNNING'
                """).param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC)).param("members", members)
                .param("organizations", organizations).param("digest", digest).param("run", run).update() == 1;
    }

    /**
     * Marks a run failed and drops whatever it wrote (a run that failed in its transaction wrote nothing); whether it
     * was still running (a run settled already stays as it was).
     */
    boolean failed(UUID run, Instant at, String problem) {
        jdbc.sql("DELETE FROM evaluation.rating WHERE run_id = :run").param("run", run).update();
        jdbc.sql("DELETE FROM evaluation.calibration_case WHERE run_id = :run").param("run", run).update();
        return jdbc.sql("""
                UPDATE evaluation.run SET state = 'FAILED', finished_at = :at, problem = :problem
                WHERE run_id = :run AND state = 'RUNNING'
                """).param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC)).param("problem", problem)
                .param("run", run).update() == 1;
    }

    /**
     * Drops the ratings of the cycle's older runs, keeping the current one and the one before it (for a
     * comparison): a cycle run many times does not grow without end.
     */
    void prune(UUID cycle, UUID current) {
        jdbc.sql("""
                DELETE FROM evaluation.rating WHERE run_id IN (
                    SELECT run_id FROM evaluation.run WHERE cycle_id = :cycle AND state = 'SUCCEEDED'
                        AND run_id <> :current
                    ORDER BY finished_at DESC OFFSET 1)
                """).param("cycle", cycle).param("current", current).update();
    }

    public Optional<RunView> running(UUID cycle) {
        return jdbc.sql(RUN_SELECT + " WHERE r.cycle_id = :cycle AND r.state = 'RUNNING'").param("cycle", cycle)
                .query(CycleStore::run).optional();
    }

    public Optional<RunView> run(UUID run) {
        return jdbc.sql(RUN_SELECT + " WHERE r.run_id = :run").param("run", run).query(CycleStore::run).optional();
    }

    public List<RunView> runs(UUID cycle) {
        return jdbc.sql(RUN_SELECT + " WHERE r.cycle_id = :cycle ORDER BY r.started_at DESC").param("cycle", cycle)
                .query(CycleStore::run).list();
    }

    /** Runs still marked running: a page or a new run checks them against their jobs. */
    List<RunView> allRunning() {
        return jdbc.sql(RUN_SELECT + " WHERE r.state = 'RUNNING'").query(CycleStore::run).list();
    }

    private static final String RUN_SELECT = """
            SELECT r.*, (SELECT count(*) FROM evaluation.calibration_case c WHERE c.run_id = r.run_id) AS calibrations
            FROM evaluation.run r""";

    private static StoredCycle cycle(ResultSet rs, int row) throws SQLException {
        return new StoredCycle(new Cycle(rs.getObject("cycle_id", UUID.class), rs.getInt("year"),
                rs.getObject("scope_id", UUID.class), rs.getString("pack_id"), rs.getInt("pack_version"),
                CycleStatus.valueOf(rs.getString("status")), rs.getObject("current_run_id", UUID.class)),
                rs.getObject("opened_on", OffsetDateTime.class).toInstant(), rs.getString("opened_by"));
    }

    private static RunView run(ResultSet rs, int row) throws SQLException {
        OffsetDateTime finished = rs.getObject("finished_at", OffsetDateTime.class);
        return new RunView(rs.getObject("run_id", UUID.class), rs.getObject("cycle_id", UUID.class),
                rs.getObject("job_id", UUID.class), RunState.valueOf(rs.getString("state")), rs.getString("pack_id"),
                rs.getInt("pack_version"), rs.getString("requested_by"),
                rs.getObject("started_at", OffsetDateTime.class).toInstant(),
                finished == null ? null : finished.toInstant(), rs.getInt("members"), rs.getInt("organizations"),
                rs.getInt("calibrations"), rs.getString("digest"), rs.getString("problem"));
    }
}

package org.cadre.evaluation.internal.calibration;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.cadre.evaluation.CalibrationCaseView;
import org.cadre.evaluation.EvaluationRefusal;
import org.cadre.evaluation.domain.Calibration;
import org.cadre.platform.Refused;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The rows of quota cases (V3) and the committee's decisions on them (V10), in evaluation's schema. Who holds a
 * case's level now is the view {@code calibration_holder}; the level each subject holds after calibration is
 * {@code calibrated_rating}.
 */
@Component
class CalibrationStore {

    private static final String CASE = """
            SELECT k.case_id, k.run_id, k.quota_id, k.group_id, coalesce(g.name, k.group_id) AS group_name, k.level,
                   k.demote_to, k.base_count, k.allowed, k.proposed, k.excess, k.subjects, k.article,
                   (SELECT r.subject FROM evaluation.rating r
                    WHERE r.run_id = k.run_id AND r.subject_id = k.subjects[1]) AS subject,
                   EXISTS (SELECT 1 FROM evaluation.calibration_decision d WHERE d.case_id = k.case_id) AS decided,
                   (SELECT count(*) FROM evaluation.calibration_holder h WHERE h.case_id = k.case_id) AS holding,
                   EXISTS (SELECT 1 FROM evaluation.calibration_holder h
                           WHERE h.case_id = k.case_id AND h.from_above) AS moved_in,
                   (SELECT count(*) FROM evaluation.calibration_case u
                    WHERE u.run_id = k.run_id AND u.group_id = k.group_id AND u.demote_to = k.level
                      AND u.case_id <> k.case_id
                      AND NOT EXISTS (SELECT 1 FROM evaluation.calibration_decision d WHERE d.case_id = u.case_id)
                      AND EXISTS (SELECT 1 FROM evaluation.rating r WHERE r.run_id = u.run_id
                                  AND r.subject_id = u.subjects[1]
                                  AND r.subject = (SELECT s.subject FROM evaluation.rating s
                                                   WHERE s.run_id = k.run_id AND s.subject_id = k.subjects[1])))
                       AS open_above
            FROM evaluation.calibration_case k
            LEFT JOIN evaluation.organization_projection g ON g.organization_id::text = k.group_id
            """;

    private final JdbcClient jdbc;

    CalibrationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A cycle as calibration sees it: whether it takes changes and its current run. */
    record CycleRow(UUID id, int year, boolean open, UUID currentRun, String packId, int packVersion) {
    }

    /** A quota case with where it stands now. */
    record CaseRow(UUID caseId, UUID run, String quotaId, String group, String groupName, String level,
            String demoteTo, int baseCount, int allowed, int proposed, int excess, List<UUID> subjects,
            String article, String subject, boolean decided, int holding, boolean movedIn, int openAbove) {
    }

    /**
     * The cycle; with {@code share}, its row is share-locked until the change commits: a closing, or a run becoming
     * current, waits for a decision being written, and a decision waits for them.
     */
    CycleRow cycle(UUID id, boolean share) {
        return jdbc.sql("SELECT cycle_id, year, status, current_run_id, pack_id, pack_version FROM evaluation.cycle "
                + "WHERE cycle_id = :id" + (share ? " FOR SHARE" : "")).param("id", id)
                .query((rs, n) -> new CycleRow(rs.getObject("cycle_id", UUID.class), rs.getInt("year"),
                        "OPEN".equals(rs.getString("status")), rs.getObject("current_run_id", UUID.class),
                        rs.getString("pack_id"), rs.getInt("pack_version")))
                .optional().orElseThrow(() -> new Refused(EvaluationRefusal.CYCLE_UNKNOWN));
    }

    /** A case of the run; with {@code lock}, its row is locked until the decision commits (one decision per case). */
    Optional<CaseRow> find(UUID run, UUID caseId, boolean lock) {
        if (lock) {
            // locked on its own first: the view the listing reads cannot be locked
            jdbc.sql("SELECT case_id FROM evaluation.calibration_case WHERE case_id = :case AND run_id = :run "
                    + "FOR UPDATE").param("case", caseId).param("run", run).query(UUID.class).optional();
        }
        return jdbc.sql(CASE + " WHERE k.case_id = :case AND k.run_id = :run").param("case", caseId)
                .param("run", run).query((rs, n) -> row(rs)).optional();
    }

    /** The cases of a run, largest excess first. */
    List<CaseRow> list(UUID run) {
        return jdbc.sql(CASE + " WHERE k.run_id = :run ORDER BY k.excess DESC, group_name, k.level")
                .param("run", run).query((rs, n) -> row(rs)).list();
    }

    /** Who holds the case's level in its group now. */
    List<UUID> holders(UUID caseId) {
        return jdbc.sql("SELECT subject_id FROM evaluation.calibration_holder WHERE case_id = :case")
                .param("case", caseId).query(UUID.class).list();
    }

    /** A decided case of the run for a level of a group and subject kind (the level a decision moves others to). */
    Optional<CaseRow> decidedAt(UUID run, String group, String level, String subject) {
        return jdbc.sql(CASE + """
                 WHERE k.run_id = :run AND k.group_id = :group AND k.level = :level
                   AND EXISTS (SELECT 1 FROM evaluation.calibration_decision d WHERE d.case_id = k.case_id)
                """).param("run", run).param("group", group).param("level", level).query((rs, n) -> row(rs))
                .stream().filter(k -> subject.equals(k.subject())).findFirst();
    }

    /**
     * The candidates' details: name, organization, the engine's level, the level now, the submitted self-level and the
     * chapter's proposal (the committee chooses with both in view).
     */
    List<CalibrationCaseView.Candidate> candidates(UUID cycle, UUID run, List<UUID> ids, List<UUID> kept,
            List<UUID> moved, List<UUID> fromAbove) {
        return jdbc.sql("""
                SELECT cr.subject_id, coalesce(m.full_name, o.name, cr.subject_id::text) AS name,
                       coalesce(m.card_number, o.code) AS code, cr.organization_id, p.name AS organization_name,
                       cr.engine_level, cr.level, sa.level AS self_assessed, cv.level AS chapter_proposed
                FROM unnest(CAST(:ids AS uuid[])) AS u(id)
                JOIN evaluation.calibrated_rating cr ON cr.run_id = :run AND cr.subject_id = u.id
                LEFT JOIN evaluation.member_projection m ON cr.subject = 'MEMBER' AND m.member_id = cr.subject_id
                LEFT JOIN evaluation.organization_projection o
                       ON cr.subject = 'ORGANIZATION' AND o.organization_id = cr.subject_id
                LEFT JOIN evaluation.organization_projection p ON p.organization_id = cr.organization_id
                LEFT JOIN evaluation.self_assessment sa ON sa.cycle_id = :cycle AND sa.member_id = cr.subject_id
                       AND sa.status = 'SUBMITTED'
                LEFT JOIN evaluation.chapter_review cv ON cv.cycle_id = :cycle AND cv.member_id = cr.subject_id
                       AND cv.status = 'PROPOSED'
                ORDER BY name, cr.subject_id
                """).param("ids", ids.toArray(UUID[]::new)).param("run", run).param("cycle", cycle)
                .query((rs, n) -> {
                    UUID id = rs.getObject("subject_id", UUID.class);
                    return new CalibrationCaseView.Candidate(id, rs.getString("name"), rs.getString("code"),
                            rs.getObject("organization_id", UUID.class), rs.getString("organization_name"),
                            rs.getString("engine_level"), rs.getString("level"), rs.getString("self_assessed"),
                            rs.getString("chapter_proposed"), fromAbove.contains(id), kept.contains(id), moved.contains(id));
                }).list();
    }

    /** The decision on a case, if taken. */
    Optional<Calibration.Decision> decision(UUID caseId) {
        List<UUID> keepers = jdbc.sql("SELECT subject_id FROM evaluation.calibration_keeper WHERE case_id = :case")
                .param("case", caseId).query(UUID.class).list();
        List<UUID> moved = jdbc.sql("SELECT subject_id FROM evaluation.calibration_move WHERE case_id = :case")
                .param("case", caseId).query(UUID.class).list();
        return jdbc.sql("""
                SELECT reason, votes_for, votes_against, votes_abstain, decided_by, decided_at
                FROM evaluation.calibration_decision WHERE case_id = :case
                """).param("case", caseId).query((rs, n) -> new Calibration.Decision(keepers, moved,
                        rs.getString("reason"), rs.getObject("votes_for") == null ? null
                                : new Calibration.Votes(rs.getInt("votes_for"), rs.getInt("votes_against"),
                                        rs.getInt("votes_abstain")),
                        rs.getString("decided_by"), rs.getTimestamp("decided_at").toInstant())).optional();
    }

    /** Writes a decision: the row, its keepers, and a move per other candidate (from the level to the one below). */
    void insert(Calibration calibration) {
        Calibration.Decision d = calibration.decision();
        Calibration.Votes v = d.votes();
        jdbc.sql("""
                INSERT INTO evaluation.calibration_decision (case_id, run_id, reason, votes_for, votes_against,
                    votes_abstain, decided_by, decided_at)
                VALUES (:case, :run, :reason, :for, :against, :abstain, :by, :at)
                """).param("case", calibration.caseId()).param("run", calibration.run()).param("reason", d.reason())
                .param("for", v == null ? null : v.votesFor()).param("against", v == null ? null : v.votesAgainst())
                .param("abstain", v == null ? null : v.votesAbstain()).param("by", d.by())
                .param("at", d.at().atOffset(ZoneOffset.UTC)).update();
        jdbc.sql("""
                INSERT INTO evaluation.calibration_keeper (case_id, subject_id)
                SELECT :case, s.id FROM unnest(CAST(:ids AS uuid[])) AS s(id)
                """).param("case", calibration.caseId()).param("ids", d.keepers().toArray(UUID[]::new)).update();
        jdbc.sql("""
                INSERT INTO evaluation.calibration_move (run_id, subject_id, case_id, from_level, to_level)
                SELECT :run, s.id, :case, :from, :to FROM unnest(CAST(:ids AS uuid[])) AS s(id)
                """).param("run", calibration.run()).param("case", calibration.caseId())
                .param("from", calibration.level()).param("to", calibration.demoteTo())
                .param("ids", d.movedDown().toArray(UUID[]::new)).update();
    }

    /**
     * Undecided cases of the cycle's current run: of one group, or naming one of the subjects among its candidates;
     * with no group and no subjects, of every group.
     */
    int pending(UUID cycle, String group, Collection<UUID> subjects) {
        return jdbc.sql("""
                SELECT count(*) FROM evaluation.cycle c
                JOIN evaluation.calibration_case k ON k.run_id = c.current_run_id
                WHERE c.cycle_id = :cycle
                  AND ((CAST(:group AS text) IS NULL AND cardinality(CAST(:subjects AS uuid[])) = 0)
                       OR k.group_id = :group OR k.subjects && CAST(:subjects AS uuid[]))
                  AND NOT EXISTS (SELECT 1 FROM evaluation.calibration_decision d WHERE d.case_id = k.case_id)
                """).param("cycle", cycle).param("group", group).param("subjects", subjects.toArray(UUID[]::new))
                .query(Integer.class).single();
    }

    private static CaseRow row(ResultSet rs) throws SQLException {
        Array subjects = rs.getArray("subjects");
        return new CaseRow(rs.getObject("case_id", UUID.class), rs.getObject("run_id", UUID.class),
                rs.getString("quota_id"), rs.getString("group_id"), rs.getString("group_name"),
                rs.getString("level"), rs.getString("demote_to"), rs.getInt("base_count"), rs.getInt("allowed"),
                rs.getInt("proposed"), rs.getInt("excess"), Arrays.asList((UUID[]) subjects.getArray()),
                rs.getString("article"), rs.getString("subject"), rs.getBoolean("decided"), rs.getInt("holding"),
                rs.getBoolean("moved_in"), rs.getInt("open_above"));
    }
}

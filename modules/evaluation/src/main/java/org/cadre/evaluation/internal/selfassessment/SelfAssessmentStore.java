package org.cadre.evaluation.internal.selfassessment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.cadre.evaluation.EvaluationRefusal;
import org.cadre.evaluation.SelfAssessmentStatus;
import org.cadre.evaluation.SelfReview;
import org.cadre.evaluation.domain.SelfAssessment;
import org.cadre.platform.Refused;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The rows of self-assessments, their cycle's deadline and the reminders, in evaluation's schema. */
@Component
class SelfAssessmentStore {

    private static final String COLUMNS = "cycle_id, member_id, strengths, shortcomings, remedies, level, status, "
            + "saved_at, submitted_at, returned_reason, returned_by, returned_at";

    private final JdbcClient jdbc;

    SelfAssessmentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The cycle; with {@code share}, its row is share-locked until the change commits, so a cycle cannot be closed
     * under a self-assessment being written.
     */
    SelfAssessmentCycle cycle(UUID id, boolean share) {
        if (id == null) {
            throw new Refused(EvaluationRefusal.CYCLE_UNKNOWN);
        }
        return jdbc.sql("SELECT cycle_id, year, scope_id, pack_id, pack_version, status FROM evaluation.cycle "
                + "WHERE cycle_id = :id" + (share ? " FOR SHARE" : "")).param("id", id)
                .query((rs, n) -> cycle(rs)).optional()
                .orElseThrow(() -> new Refused(EvaluationRefusal.CYCLE_UNKNOWN));
    }

    /** The open cycles, newest year first. */
    List<SelfAssessmentCycle> openCycles() {
        return jdbc.sql("SELECT cycle_id, year, scope_id, pack_id, pack_version, status FROM evaluation.cycle "
                + "WHERE status = 'OPEN' ORDER BY year DESC, opened_on DESC").query((rs, n) -> cycle(rs)).list();
    }

    private static SelfAssessmentCycle cycle(ResultSet rs) throws SQLException {
        return new SelfAssessmentCycle(rs.getObject("cycle_id", UUID.class), rs.getInt("year"),
                rs.getObject("scope_id", UUID.class), rs.getString("pack_id"), rs.getInt("pack_version"),
                "OPEN".equals(rs.getString("status")));
    }

    /** The member's self-assessment; with {@code lock}, locked for the transaction. */
    Optional<SelfAssessment> find(UUID cycle, UUID member, boolean lock) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM evaluation.self_assessment WHERE cycle_id = :cycle "
                + "AND member_id = :member" + (lock ? " FOR UPDATE" : "")).param("cycle", cycle)
                .param("member", member).query((rs, n) -> assessment(rs)).optional();
    }

    /**
     * Writes what a transition left. A submitted row is never overwritten: if one was submitted meanwhile (the same
     * member in two tabs, the first insert of both), the change is refused and nothing is written.
     */
    void save(SelfAssessment assessment) {
        SelfReview r = assessment.review();
        int written = jdbc.sql("""
                INSERT INTO evaluation.self_assessment (cycle_id, member_id, strengths, shortcomings, remedies, level,
                    status, saved_at, submitted_at)
                VALUES (:cycle, :member, :strengths, :shortcomings, :remedies, :level, :status, :saved, :submitted)
                ON CONFLICT (cycle_id, member_id) DO UPDATE SET strengths = EXCLUDED.strengths,
                    shortcomings = EXCLUDED.shortcomings, remedies = EXCLUDED.remedies, level = EXCLUDED.level,
                    status = EXCLUDED.status, saved_at = EXCLUDED.saved_at, submitted_at = EXCLUDED.submitted_at
                WHERE self_assessment.status <> 'SUBMITTED'
                """).param("cycle", assessment.cycle()).param("member", assessment.member())
                .param("strengths", r.strengths()).param("shortcomings", r.shortcomings())
                .param("remedies", r.remedies()).param("level", r.level()).param("status", assessment.status().name())
                .param("saved", time(assessment.savedAt())).param("submitted", time(assessment.submittedAt()))
                .update();
        if (written == 0) {
            throw new Refused(EvaluationRefusal.SELF_ASSESSMENT_SUBMITTED);
        }
    }

    /**
     * Writes a return to the member (the row was read locked and was submitted): a draft again, with the reason.
     * The texts stay as the member wrote them.
     */
    void sendBack(SelfAssessment assessment) {
        SelfAssessment.Returned returned = assessment.returned().orElseThrow();
        jdbc.sql("""
                UPDATE evaluation.self_assessment SET status = :status, submitted_at = NULL,
                    returned_reason = :reason, returned_by = :by, returned_at = :at
                WHERE cycle_id = :cycle AND member_id = :member AND status = 'SUBMITTED'
                """).param("status", assessment.status().name()).param("reason", returned.reason())
                .param("by", returned.by()).param("at", time(returned.at())).param("cycle", assessment.cycle())
                .param("member", assessment.member()).update();
    }

    /** Where each of the given members stands (one query): status, level once submitted, times. */
    Map<UUID, Standing> standings(UUID cycle, List<UUID> members) {
        Map<UUID, Standing> out = new HashMap<>();
        jdbc.sql("""
                SELECT m.id, a.status, a.level, a.submitted_at, r.reminded_at
                FROM unnest(CAST(:ids AS uuid[])) AS m(id)
                LEFT JOIN evaluation.self_assessment a ON a.cycle_id = :cycle AND a.member_id = m.id
                LEFT JOIN evaluation.self_assessment_reminder r ON r.cycle_id = :cycle AND r.member_id = m.id
                """).param("ids", members.toArray(UUID[]::new)).param("cycle", cycle).query(rs -> {
                    String status = rs.getString("status");
                    SelfAssessmentStatus s = status == null ? SelfAssessmentStatus.NOT_STARTED
                            : SelfAssessmentStatus.valueOf(status);
                    // a draft's level is the member's own until they submit it
                    out.put(rs.getObject("id", UUID.class), new Standing(s,
                            s == SelfAssessmentStatus.SUBMITTED ? rs.getString("level") : null,
                            instant(rs, "submitted_at"), instant(rs, "reminded_at")));
                });
        return out;
    }

    record Standing(SelfAssessmentStatus status, String level, Instant submittedAt, Instant remindedAt) {
    }

    Optional<LocalDate> deadline(UUID cycle) {
        return jdbc.sql("SELECT deadline FROM evaluation.self_assessment_deadline WHERE cycle_id = :cycle")
                .param("cycle", cycle).query(LocalDate.class).optional();
    }

    void setDeadline(UUID cycle, LocalDate deadline, String by, Instant at) {
        if (deadline == null) {
            jdbc.sql("DELETE FROM evaluation.self_assessment_deadline WHERE cycle_id = :cycle").param("cycle", cycle)
                    .update();
            return;
        }
        jdbc.sql("""
                INSERT INTO evaluation.self_assessment_deadline (cycle_id, deadline, set_by, set_at)
                VALUES (:cycle, :deadline, :by, :at)
                ON CONFLICT (cycle_id) DO UPDATE SET deadline = EXCLUDED.deadline, set_by = EXCLUDED.set_by,
                    set_at = EXCLUDED.set_at
                """).param("cycle", cycle).param("deadline", deadline).param("by", by).param("at", time(at)).update();
    }

    Optional<Instant> remindedAt(UUID cycle, UUID member) {
        return jdbc.sql("SELECT reminded_at FROM evaluation.self_assessment_reminder WHERE cycle_id = :cycle "
                + "AND member_id = :member").param("cycle", cycle).param("member", member)
                .query((rs, n) -> instant(rs, "reminded_at")).optional();
    }

    /** Records a reminder to each of the members (one statement), keeping the latest time and the count. */
    void remind(UUID cycle, List<UUID> members, String by, Instant at) {
        if (members.isEmpty()) {
            return;
        }
        jdbc.sql("""
                INSERT INTO evaluation.self_assessment_reminder (cycle_id, member_id, reminded_at, reminded_by)
                SELECT :cycle, m.id, :at, :by FROM unnest(CAST(:ids AS uuid[])) AS m(id)
                ON CONFLICT (cycle_id, member_id) DO UPDATE SET reminded_at = EXCLUDED.reminded_at,
                    reminded_by = EXCLUDED.reminded_by, reminders = self_assessment_reminder.reminders + 1
                """).param("cycle", cycle).param("ids", members.toArray(UUID[]::new)).param("at", time(at))
                .param("by", by).update();
    }

    private static SelfAssessment assessment(ResultSet rs) throws SQLException {
        return new SelfAssessment(rs.getObject("cycle_id", UUID.class), rs.getObject("member_id", UUID.class),
                new SelfReview(rs.getString("strengths"), rs.getString("shortcomings"), rs.getString("remedies"),
                        rs.getString("level")),
                SelfAssessmentStatus.valueOf(rs.getString("status")), instant(rs, "saved_at"),
                instant(rs, "submitted_at"), rs.getString("returned_reason") == null ? null
                        : new SelfAssessment.Returned(rs.getString("returned_reason"), rs.getString("returned_by"),
                                instant(rs, "returned_at")));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime time(Instant at) {
        return at == null ? null : at.atOffset(ZoneOffset.UTC);
    }
}

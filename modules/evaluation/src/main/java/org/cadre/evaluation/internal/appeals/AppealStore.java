package org.cadre.evaluation.internal.appeals;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.cadre.evaluation.AppealOutcome;
import org.cadre.evaluation.AppealStatus;
import org.cadre.evaluation.AppealStep;
import org.cadre.evaluation.EvaluationRefusal;
import org.cadre.evaluation.domain.Appeal;
import org.cadre.platform.Refused;
import org.cadre.ratingrules.facts.Proposal;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The rows of appeals, their steps (only ever inserted) and the cycle's window, and what appeals read of the signed
 * decisions (V11) in the same schema. Steps have no update or delete here on purpose: the audit is append-only.
 */
@Component
class AppealStore {

    private static final String COLUMNS = "a.appeal_id, a.cycle_id, a.subject, a.subject_id, a.decision_id, "
            + "a.filed_by, a.filed_at, a.grounds, a.requested_level, a.status, a.outcome, a.level_before, "
            + "a.level_after, a.reason, a.decided_by, a.decided_at, a.version, d.competent_id, c.year, "
            + "COALESCE(m.full_name, o.name) AS subject_name";
    private static final String FROM = """
             FROM evaluation.appeal a
             JOIN evaluation.decision d ON d.decision_id = a.decision_id
             JOIN evaluation.cycle c ON c.cycle_id = a.cycle_id
             LEFT JOIN evaluation.member_projection m ON a.subject = 'MEMBER' AND m.member_id = a.subject_id
             LEFT JOIN evaluation.organization_projection o ON a.subject = 'ORGANIZATION'
                 AND o.organization_id = a.subject_id
            """;

    private final JdbcClient jdbc;

    AppealStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    AppealCycle cycle(UUID id) {
        if (id == null) {
            throw new Refused(EvaluationRefusal.CYCLE_UNKNOWN);
        }
        return jdbc.sql("SELECT cycle_id, year, scope_id, pack_id, pack_version, status FROM evaluation.cycle "
                + "WHERE cycle_id = :id").param("id", id)
                .query((rs, n) -> new AppealCycle(rs.getObject("cycle_id", UUID.class), rs.getInt("year"),
                        rs.getObject("scope_id", UUID.class), rs.getString("pack_id"), rs.getInt("pack_version"),
                        "OPEN".equals(rs.getString("status")))).optional()
                .orElseThrow(() -> new Refused(EvaluationRefusal.CYCLE_UNKNOWN));
    }

    /** The signed item holding a subject in a cycle, with the level that holds now (after earlier appeals). */
    Optional<SignedItem> signed(UUID cycle, UUID subject, Proposal.Subject kind) {
        // one signed list holds a subject per cycle; should two ever do, the latest signed speaks
        return jdbc.sql(SIGNED + " AND i.subject_id = :subject AND i.subject = :kind ORDER BY d.signed_at DESC "
                + "LIMIT 1")
                .param("cycle", cycle).param("subject", subject).param("kind", kind.name())
                .query((rs, n) -> signedItem(rs)).optional();
    }

    /** The signed items of a kind in a cycle (the organizations a staff member may file for). */
    List<SignedItem> signedOfKind(UUID cycle, Proposal.Subject kind) {
        return jdbc.sql(SIGNED + " AND i.subject = :kind ORDER BY subject_name").param("cycle", cycle)
                .param("kind", kind.name()).query((rs, n) -> signedItem(rs)).list();
    }

    /** The cycles in which a member has a signed item, newest year first. */
    List<UUID> cyclesWithSignedItem(UUID member) {
        return jdbc.sql("""
                SELECT d.cycle_id FROM evaluation.decision d
                JOIN evaluation.decision_item i ON i.decision_id = d.decision_id
                JOIN evaluation.cycle c ON c.cycle_id = d.cycle_id
                WHERE d.status = 'SIGNED' AND i.subject_id = :member AND i.subject = 'MEMBER'
                ORDER BY c.year DESC
                """).param("member", member).query(UUID.class).list();
    }

    private static final String SIGNED = """
            SELECT d.decision_id, d.competent_id, d.signed_at, i.subject_id, i.subject, r.level, r.source,
                   COALESCE(m.full_name, o.name) AS subject_name
            FROM evaluation.decision d
            JOIN evaluation.decision_item i ON i.decision_id = d.decision_id
            JOIN evaluation.decided_rating r ON r.cycle_id = d.cycle_id AND r.subject_id = i.subject_id
            LEFT JOIN evaluation.member_projection m ON i.subject = 'MEMBER' AND m.member_id = i.subject_id
            LEFT JOIN evaluation.organization_projection o ON i.subject = 'ORGANIZATION'
                AND o.organization_id = i.subject_id
            WHERE d.status = 'SIGNED' AND d.cycle_id = :cycle""";

    private static SignedItem signedItem(ResultSet rs) throws SQLException {
        return new SignedItem(rs.getObject("decision_id", UUID.class), rs.getObject("competent_id", UUID.class),
                rs.getObject("subject_id", UUID.class), Proposal.Subject.valueOf(rs.getString("subject")),
                rs.getString("subject_name"), rs.getString("level"), rs.getString("source"),
                instant(rs, "signed_at"));
    }

    Optional<Integer> windowDays(UUID cycle) {
        return jdbc.sql("SELECT days FROM evaluation.appeal_window WHERE cycle_id = :cycle").param("cycle", cycle)
                .query(Integer.class).optional();
    }

    void setWindowDays(UUID cycle, int days, String by, Instant at) {
        jdbc.sql("""
                INSERT INTO evaluation.appeal_window (cycle_id, days, set_by, set_at) VALUES (:cycle, :days, :by, :at)
                ON CONFLICT (cycle_id) DO UPDATE SET days = EXCLUDED.days, set_by = EXCLUDED.set_by,
                    set_at = EXCLUDED.set_at
                """).param("cycle", cycle).param("days", days).param("by", by).param("at", time(at)).update();
    }

    int openAppeals(UUID cycle) {
        return jdbc.sql("SELECT count(*) FROM evaluation.appeal WHERE cycle_id = :cycle AND status = 'OPEN'")
                .param("cycle", cycle).query(Integer.class).single();
    }

    Optional<UUID> openAppeal(UUID cycle, UUID subject) {
        return jdbc.sql("SELECT appeal_id FROM evaluation.appeal WHERE cycle_id = :cycle AND subject_id = :subject "
                + "AND status = 'OPEN'").param("cycle", cycle).param("subject", subject).query(UUID.class)
                .optional();
    }

    /** The appeal with its decision's competent level; with {@code lock}, its row locked for the transaction. */
    /** The competent organization of each appeal of a cycle being re-examined (one row per appeal). */
    List<UUID> openCompetents(UUID cycle) {
        return jdbc.sql("""
                SELECT d.competent_id FROM evaluation.appeal a
                JOIN evaluation.decision d ON d.decision_id = a.decision_id
                WHERE a.cycle_id = :cycle AND a.status = 'OPEN'
                """).param("cycle", cycle).query(UUID.class).list();
    }

    Optional<Stored> find(UUID cycle, UUID appeal, boolean lock) {
        return jdbc.sql("SELECT " + COLUMNS + FROM + " WHERE a.appeal_id = :appeal AND a.cycle_id = :cycle"
                + (lock ? " FOR UPDATE OF a" : "")).param("appeal", appeal).param("cycle", cycle)
                .query((rs, n) -> stored(rs)).optional();
    }

    List<Stored> ofCycle(UUID cycle) {
        return jdbc.sql("SELECT " + COLUMNS + FROM + " WHERE a.cycle_id = :cycle ORDER BY a.filed_at DESC")
                .param("cycle", cycle).query((rs, n) -> stored(rs)).list();
    }

    List<Stored> ofSubject(UUID subject) {
        return jdbc.sql("SELECT " + COLUMNS + FROM + " WHERE a.subject_id = :subject ORDER BY a.filed_at DESC")
                .param("subject", subject).query((rs, n) -> stored(rs)).list();
    }

    List<AppealStep> steps(UUID appeal) {
        return jdbc.sql("SELECT kind, done_by, done_at, text FROM evaluation.appeal_step WHERE appeal_id = :appeal "
                + "ORDER BY seq").param("appeal", appeal)
                .query((rs, n) -> new AppealStep(AppealStep.Kind.valueOf(rs.getString("kind")),
                        rs.getString("done_by"), instant(rs, "done_at"), rs.getString("text"))).list();
    }

    void insert(Appeal a) {
        jdbc.sql("""
                INSERT INTO evaluation.appeal (appeal_id, cycle_id, subject_id, subject, decision_id, filed_by,
                    filed_at, grounds, requested_level, status, level_before)
                VALUES (:id, :cycle, :subject, :kind, :decision, :by, :at, :grounds, :requested, :status, :before)
                """).param("id", a.id()).param("cycle", a.cycle()).param("subject", a.subject())
                .param("kind", a.subjectKind().name()).param("decision", a.decision()).param("by", a.filedBy())
                .param("at", time(a.filedAt())).param("grounds", a.grounds()).param("requested", a.requestedLevel())
                .param("status", a.status().name()).param("before", a.levelBefore()).update();
        append(a);
    }

    /** Writes a decided appeal; the version guards against a write that did not hold the row's lock. */
    void decided(Appeal a) {
        int written = jdbc.sql("""
                UPDATE evaluation.appeal SET status = :status, outcome = :outcome, level_after = :after,
                    reason = :reason, decided_by = :by, decided_at = :at, version = version + 1
                WHERE appeal_id = :id AND version = :version AND status = 'OPEN'
                """).param("status", a.status().name()).param("outcome", a.outcome().name())
                .param("after", a.levelAfter()).param("reason", a.reason()).param("by", a.decidedBy())
                .param("at", time(a.decidedAt())).param("id", a.id()).param("version", a.version()).update();
        if (written == 0) {
            throw new Refused(EvaluationRefusal.APPEAL_DECIDED);
        }
        append(a);
    }

    /** Appends the steps the transitions added, numbered after the last one kept. */
    void append(Appeal a) {
        for (AppealStep step : a.addedSteps()) {
            jdbc.sql("""
                    INSERT INTO evaluation.appeal_step (appeal_id, seq, kind, done_by, done_at, text)
                    SELECT :appeal, COALESCE(MAX(seq), 0) + 1, :kind, :by, :at, :text
                    FROM evaluation.appeal_step WHERE appeal_id = :appeal
                    """).param("appeal", a.id()).param("kind", step.kind().name()).param("by", step.by())
                    .param("at", time(step.at())).param("text", step.text()).update();
        }
    }

    private static Stored stored(ResultSet rs) throws SQLException {
        String outcome = rs.getString("outcome");
        Appeal appeal = new Appeal(rs.getObject("appeal_id", UUID.class), rs.getObject("cycle_id", UUID.class),
                Proposal.Subject.valueOf(rs.getString("subject")), rs.getObject("subject_id", UUID.class),
                rs.getObject("decision_id", UUID.class), rs.getString("filed_by"), instant(rs, "filed_at"),
                rs.getString("grounds"), rs.getString("requested_level"),
                AppealStatus.valueOf(rs.getString("status")), outcome == null ? null : AppealOutcome.valueOf(outcome),
                rs.getString("level_before"), rs.getString("level_after"), rs.getString("reason"),
                rs.getString("decided_by"), instant(rs, "decided_at"), rs.getInt("version"));
        return new Stored(appeal, rs.getObject("competent_id", UUID.class), rs.getInt("year"),
                rs.getString("subject_name"));
    }

    /** An appeal as stored, with what its views need of its decision and cycle. */
    record Stored(Appeal appeal, UUID competent, int year, String subjectName) {
    }

    record SignedItem(UUID decision, UUID competent, UUID subject, Proposal.Subject kind, String subjectName,
            String level, String source, Instant signedAt) {
    }

    record AppealCycle(UUID id, int year, UUID scope, String packId, int packVersion, boolean open) {
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime time(Instant at) {
        return at == null ? null : at.atOffset(ZoneOffset.UTC);
    }
}

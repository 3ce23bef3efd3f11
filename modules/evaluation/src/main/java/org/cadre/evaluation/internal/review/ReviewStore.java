package org.cadre.evaluation.internal.review;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.cadre.evaluation.EvaluationRefusal;
import org.cadre.evaluation.ReviewStatus;
import org.cadre.evaluation.SelfAssessmentStatus;
import org.cadre.evaluation.SelfReview;
import org.cadre.evaluation.domain.ChapterReview;
import org.cadre.evaluation.internal.results.RatingJson;
import org.cadre.platform.Refused;
import org.cadre.ratingrules.SubjectRating;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The chapter's reviews, what they read around them (the engine's rating of the current run, the member's submitted
 * self-assessment) and whether the competent level signed a member's list, in evaluation's schema.
 */
@Component
class ReviewStore {

    private final JdbcClient jdbc;

    ReviewStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Whether the cycle takes changes; its row is share-locked until the change commits, so a cycle cannot close
     * under a review being written.
     */
    boolean lockOpen(UUID cycle) {
        return jdbc.sql("SELECT status FROM evaluation.cycle WHERE cycle_id = :id FOR SHARE").param("id", cycle)
                .query(String.class).optional().map("OPEN"::equals)
                .orElseThrow(() -> new Refused(EvaluationRefusal.CYCLE_UNKNOWN));
    }

    /**
     * Whether the competent level has signed the list holding the member in this cycle (then the chapter's review is
     * locked). The member's items are found through {@code decision_item_subject_idx}, each joined to its list by the
     * list's key; this reads the same rows as {@code Decisions#signedLevel}.
     */
    boolean decidedList(UUID cycle, UUID member) {
        return jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM evaluation.decision_item i
                               JOIN evaluation.decision d ON d.decision_id = i.decision_id
                               WHERE d.cycle_id = :cycle AND i.subject_id = :member AND d.status = 'SIGNED')
                """).param("cycle", cycle).param("member", member).query(Boolean.class).single();
    }

    /** The member's review; with {@code lock}, locked for the transaction. */
    Optional<Stored> find(UUID cycle, UUID member, boolean lock) {
        return jdbc.sql("""
                SELECT cycle_id, member_id, organization_id, comment, level, reason, engine_level, status, saved_at,
                       proposed_at, proposed_by
                FROM evaluation.chapter_review WHERE cycle_id = :cycle AND member_id = :member""" + (lock
                ? " FOR UPDATE" : "")).param("cycle", cycle).param("member", member).query((rs, n) -> new Stored(
                        new ChapterReview(rs.getObject("cycle_id", UUID.class), rs.getObject("member_id", UUID.class),
                                rs.getObject("organization_id", UUID.class), new ChapterReview.Written(
                                        rs.getString("comment"), rs.getString("level"), rs.getString("reason")),
                                ReviewStatus.valueOf(rs.getString("status")), rs.getString("engine_level"),
                                instant(rs, "saved_at"), instant(rs, "proposed_at")),
                        rs.getString("proposed_by"))).optional();
    }

    /** A stored review and who proposed it. */
    record Stored(ChapterReview review, String proposedBy) {
    }

    /** Writes what a transition left, by the given user. */
    void save(ChapterReview review, String by) {
        boolean proposed = review.status() == ReviewStatus.PROPOSED;
        jdbc.sql("""
                INSERT INTO evaluation.chapter_review (cycle_id, member_id, organization_id, comment, level, reason,
                    engine_level, status, saved_by, saved_at, proposed_by, proposed_at)
                VALUES (:cycle, :member, :organization, :comment, :level, :reason, :engine, :status, :by, :saved,
                    :proposedBy, :proposedAt)
                ON CONFLICT (cycle_id, member_id) DO UPDATE SET organization_id = EXCLUDED.organization_id,
                    comment = EXCLUDED.comment, level = EXCLUDED.level, reason = EXCLUDED.reason,
                    engine_level = EXCLUDED.engine_level, status = EXCLUDED.status, saved_by = EXCLUDED.saved_by,
                    saved_at = EXCLUDED.saved_at, proposed_by = EXCLUDED.proposed_by,
                    proposed_at = EXCLUDED.proposed_at
                """).param("cycle", review.cycle()).param("member", review.member())
                .param("organization", review.organization()).param("comment", review.written().comment())
                .param("level", review.written().level()).param("reason", review.written().reason())
                .param("engine", review.engineLevel()).param("status", review.status().name()).param("by", by)
                .param("saved", time(review.savedAt())).param("proposedBy", proposed ? by : null)
                .param("proposedAt", time(review.proposedAt())).update();
    }

    /** The engine's rating of the member in the cycle's current run, with the previous chapter its facts name. */
    Optional<Engine> engine(UUID cycle, UUID member) {
        return jdbc.sql("""
                SELECT r.explanation, r.facts -> 'extra' ->> 'previousOrganizationId' AS previous
                FROM evaluation.cycle c JOIN evaluation.rating r ON r.run_id = c.current_run_id
                WHERE c.cycle_id = :cycle AND r.subject_id = :member
                """).param("cycle", cycle).param("member", member).query((rs, n) -> {
                    String previous = rs.getString("previous");
                    return new Engine(RatingJson.explanation(rs.getString("explanation")),
                            previous == null ? null : UUID.fromString(previous));
                }).optional();
    }

    /** A rating of the current run, and the chapter the member was transferred from in the year (if any). */
    record Engine(SubjectRating rating, UUID previousOrganization) {

        /** The level the engine proposes; {@code null} when it did not classify the member. */
        String level() {
            return rating.excluded() || rating.pending() ? null : rating.level();
        }
    }

    /**
     * What the review list shows of each given member (one query): the self-assessment (level once submitted), the
     * engine's level, the chapter's review and the comments asked.
     */
    Map<UUID, ListRow> rows(UUID cycle, List<UUID> members) {
        Map<UUID, ListRow> out = new HashMap<>();
        jdbc.sql("""
                SELECT m.id, a.status AS self_status, a.level AS self_level, r.subject_id IS NOT NULL AS rated,
                       CASE WHEN r.excluded OR r.pending THEN NULL ELSE r.level END AS engine_level,
                       v.status, v.level,
                       (SELECT count(*) FROM evaluation.other_chapter_comment q
                        WHERE q.cycle_id = :cycle AND q.member_id = m.id) AS requests,
                       (SELECT count(*) FROM evaluation.other_chapter_comment q
                        WHERE q.cycle_id = :cycle AND q.member_id = m.id AND q.answered_at IS NOT NULL) AS answered
                FROM unnest(CAST(:ids AS uuid[])) AS m(id)
                JOIN evaluation.cycle c ON c.cycle_id = :cycle
                LEFT JOIN evaluation.self_assessment a ON a.cycle_id = :cycle AND a.member_id = m.id
                LEFT JOIN evaluation.rating r ON r.run_id = c.current_run_id AND r.subject_id = m.id
                LEFT JOIN evaluation.chapter_review v ON v.cycle_id = :cycle AND v.member_id = m.id
                """).param("cycle", cycle).param("ids", members.toArray(UUID[]::new)).query(rs -> {
                    String self = rs.getString("self_status");
                    SelfAssessmentStatus selfStatus = self == null ? SelfAssessmentStatus.NOT_STARTED
                            : SelfAssessmentStatus.valueOf(self);
                    String status = rs.getString("status");
                    out.put(rs.getObject("id", UUID.class), new ListRow(selfStatus,
                            selfStatus == SelfAssessmentStatus.SUBMITTED ? rs.getString("self_level") : null,
                            rs.getString("engine_level"), rs.getBoolean("rated"),
                            status == null ? ReviewStatus.NONE : ReviewStatus.valueOf(status), rs.getString("level"),
                            rs.getInt("requests"), rs.getInt("answered")));
                });
        return out;
    }

    record ListRow(SelfAssessmentStatus selfStatus, String selfLevel, String engineLevel, boolean rated,
            ReviewStatus status, String level, int requests, int answered) {
    }

    /** The member's self-assessment as the chapter sees it: the text only once submitted. */
    SelfSeen self(UUID cycle, UUID member) {
        return jdbc.sql("""
                SELECT status, strengths, shortcomings, remedies, level, submitted_at FROM evaluation.self_assessment
                WHERE cycle_id = :cycle AND member_id = :member
                """).param("cycle", cycle).param("member", member).query((rs, n) -> {
                    SelfAssessmentStatus status = SelfAssessmentStatus.valueOf(rs.getString("status"));
                    return status == SelfAssessmentStatus.SUBMITTED ? new SelfSeen(status, new SelfReview(
                            rs.getString("strengths"), rs.getString("shortcomings"), rs.getString("remedies"),
                            rs.getString("level")), instant(rs, "submitted_at")) : new SelfSeen(status, null, null);
                }).optional().orElse(new SelfSeen(SelfAssessmentStatus.NOT_STARTED, null, null));
    }

    record SelfSeen(SelfAssessmentStatus status, SelfReview review, Instant submittedAt) {
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    static OffsetDateTime time(Instant at) {
        return at == null ? null : at.atOffset(ZoneOffset.UTC);
    }
}

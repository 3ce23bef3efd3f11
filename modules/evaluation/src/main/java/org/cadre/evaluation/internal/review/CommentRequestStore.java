package org.cadre.evaluation.internal.review;

import static org.cadre.evaluation.internal.review.ReviewStore.instant;
import static org.cadre.evaluation.internal.review.ReviewStore.time;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.cadre.evaluation.CommentRequestView;
import org.cadre.evaluation.domain.CommentRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Comments asked of other chapters about members, with the names the pages show (from today's projections). */
@Component
class CommentRequestStore {

    private static final String SELECT = """
            SELECT q.request_id, q.cycle_id, c.year, q.member_id, m.card_number, m.full_name, q.organization_id,
                   o.name AS organization_name, q.asked_id, a.name AS asked_name, q.kind, q.asked_by, q.asked_at,
                   q.stance, q.text, q.answered_by, q.answered_at
            FROM evaluation.other_chapter_comment q
            JOIN evaluation.cycle c ON c.cycle_id = q.cycle_id
            LEFT JOIN evaluation.member_projection m ON m.member_id = q.member_id
            LEFT JOIN evaluation.organization_projection o ON o.organization_id = q.organization_id
            LEFT JOIN evaluation.organization_projection a ON a.organization_id = q.asked_id
            """;

    private final JdbcClient jdbc;

    CommentRequestStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a request; asking the same chapter about the same member again keeps the first. Returns its id. */
    UUID ask(UUID cycle, UUID member, UUID organization, UUID asked, String kind, String by, Instant at) {
        jdbc.sql("""
                INSERT INTO evaluation.other_chapter_comment (request_id, cycle_id, member_id, organization_id,
                    asked_id, kind, asked_by, asked_at)
                VALUES (:id, :cycle, :member, :organization, :asked, :kind, :by, :at)
                ON CONFLICT (cycle_id, member_id, asked_id) DO NOTHING
                """).param("id", UUID.randomUUID()).param("cycle", cycle).param("member", member)
                .param("organization", organization).param("asked", asked).param("kind", kind).param("by", by)
                .param("at", time(at)).update();
        return jdbc.sql("""
                SELECT request_id FROM evaluation.other_chapter_comment
                WHERE cycle_id = :cycle AND member_id = :member AND asked_id = :asked
                """).param("cycle", cycle).param("member", member).param("asked", asked).query(UUID.class).single();
    }

    /** The request, locked for the transaction; with the chapter asked. */
    Optional<Locked> locked(UUID cycle, UUID request) {
        return jdbc.sql("""
                SELECT request_id, cycle_id, member_id, asked_id, stance, text, answered_by, answered_at
                FROM evaluation.other_chapter_comment WHERE request_id = :id AND cycle_id = :cycle FOR UPDATE
                """).param("id", request).param("cycle", cycle).query((rs, n) -> new Locked(new CommentRequest(
                        rs.getObject("request_id", UUID.class), rs.getObject("cycle_id", UUID.class),
                        rs.getObject("member_id", UUID.class), rs.getObject("asked_id", UUID.class),
                        rs.getString("stance"), rs.getString("text"), rs.getString("answered_by"),
                        instant(rs, "answered_at")), rs.getObject("asked_id", UUID.class))).optional();
    }

    record Locked(CommentRequest request, UUID asked) {
    }

    void answer(CommentRequest request) {
        jdbc.sql("""
                UPDATE evaluation.other_chapter_comment SET stance = :stance, text = :text, answered_by = :by,
                    answered_at = :at
                WHERE request_id = :id AND answered_at IS NULL
                """).param("stance", request.stance()).param("text", request.text())
                .param("by", request.answeredBy()).param("at", time(request.answeredAt())).param("id", request.id())
                .update();
    }

    CommentRequestView view(UUID request) {
        return jdbc.sql(SELECT + " WHERE q.request_id = :id").param("id", request)
                .query(CommentRequestStore::row).single();
    }

    /** The requests about a member in a cycle, oldest first. */
    List<CommentRequestView> ofMember(UUID cycle, UUID member) {
        return jdbc.sql(SELECT + " WHERE q.cycle_id = :cycle AND q.member_id = :member ORDER BY q.asked_at")
                .param("cycle", cycle).param("member", member).query(CommentRequestStore::row).list();
    }

    /** The requests of a cycle (or, with none, of every open cycle), unanswered first, oldest first. */
    List<CommentRequestView> all(UUID cycle, boolean unansweredOnly) {
        String where = cycle == null ? " WHERE c.status = 'OPEN'" : " WHERE q.cycle_id = :cycle";
        var query = jdbc.sql(SELECT + where + (unansweredOnly ? " AND q.answered_at IS NULL" : "")
                + " ORDER BY q.answered_at IS NOT NULL, q.asked_at");
        return (cycle == null ? query : query.param("cycle", cycle)).query(CommentRequestStore::row).list();
    }

    private static CommentRequestView row(ResultSet rs, int n) throws SQLException {
        return new CommentRequestView(rs.getObject("request_id", UUID.class), rs.getObject("cycle_id", UUID.class),
                rs.getInt("year"), rs.getObject("member_id", UUID.class), rs.getString("card_number"),
                rs.getString("full_name"), rs.getObject("organization_id", UUID.class),
                rs.getString("organization_name"), rs.getObject("asked_id", UUID.class), rs.getString("asked_name"),
                rs.getString("kind"), rs.getString("asked_by"), instant(rs, "asked_at"), rs.getString("stance"),
                rs.getString("text"), rs.getString("answered_by"), instant(rs, "answered_at"));
    }
}

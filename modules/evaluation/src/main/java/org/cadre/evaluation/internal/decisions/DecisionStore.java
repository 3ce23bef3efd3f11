package org.cadre.evaluation.internal.decisions;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.cadre.evaluation.DecisionStatus;
import org.cadre.evaluation.DecisionView;
import org.cadre.evaluation.EvaluationRefusal;
import org.cadre.evaluation.SignedLevel;
import org.cadre.evaluation.domain.Decision;
import org.cadre.platform.Refused;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Decisions, their items and who is competent for them, in evaluation's schema; and what they are made from. */
@Component
class DecisionStore {

    private final JdbcClient jdbc;

    DecisionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    DecisionCycle cycle(UUID id) {
        if (id == null) {
            throw new Refused(EvaluationRefusal.CYCLE_UNKNOWN);
        }
        return jdbc.sql("""
                SELECT cycle_id, year, scope_id, pack_id, pack_version, status, current_run_id FROM evaluation.cycle
                WHERE cycle_id = :id""").param("id", id)
                .query((rs, n) -> new DecisionCycle(rs.getObject("cycle_id", UUID.class), rs.getInt("year"),
                        rs.getObject("scope_id", UUID.class), rs.getString("pack_id"), rs.getInt("pack_version"),
                        "OPEN".equals(rs.getString("status")), rs.getObject("current_run_id", UUID.class)))
                .optional().orElseThrow(() -> new Refused(EvaluationRefusal.CYCLE_UNKNOWN));
    }

    /** The grassroots organizations rated in a run. */
    List<UUID> grassroots(UUID run) {
        return jdbc.sql("SELECT DISTINCT grassroots_id FROM evaluation.rating WHERE run_id = :run "
                + "AND grassroots_id IS NOT NULL").param("run", run).query(UUID.class).list();
    }

    /**
     * The proposals (level after calibration; null when excluded or pending) of a grassroots organization's list: its
     * members, or its organizations (itself and those under it).
     */
    Map<UUID, String> proposals(UUID run, UUID organization, String kind) {
        Map<UUID, String> out = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT subject_id, CASE WHEN excluded OR pending THEN NULL ELSE level END AS level
                FROM evaluation.calibrated_rating
                WHERE run_id = :run AND subject = :kind AND (grassroots_id = :organization OR subject_id = :organization)
                ORDER BY subject_id""").param("run", run).param("kind", kind).param("organization", organization)
                .query(rs -> {
                    out.put(rs.getObject("subject_id", UUID.class), rs.getString("level"));
                });
        return out;
    }

    /**
     * The lists a run calls for that no signed decision of the cycle covers: a grassroots organization rated in the run
     * has a members' list when members were rated under it and an organizations' list when it or organizations under
     * it were (as {@link #proposals} gathers them).
     */
    int unsignedLists(UUID cycle, UUID run) {
        return jdbc.sql("""
                SELECT count(*) FROM (SELECT DISTINCT coalesce(r.grassroots_id, r.subject_id) AS organization_id,
                                                      r.subject AS kind
                                      FROM evaluation.rating r WHERE r.run_id = :run) l
                WHERE l.organization_id IN (SELECT grassroots_id FROM evaluation.rating WHERE run_id = :run)
                  AND NOT EXISTS (SELECT 1 FROM evaluation.decision d WHERE d.cycle_id = :cycle
                                  AND d.organization_id = l.organization_id AND d.kind = l.kind
                                  AND d.status = 'SIGNED')
                """).param("cycle", cycle).param("run", run).query(Integer.class).single();
    }

    /**
     * A list of a run as it stands without opening it: whose (a grassroots organization's members or organizations),
     * whether it was signed, and its competent organization when one is stored (the draft's, else the authority set
     * by evaluation staff; {@code null}: the regulation's default).
     */
    record ListState(UUID organization, String kind, boolean signed, UUID competent) {
    }

    /** The lists of a run, one query: each grassroots organization rated in it, by kind of subject rated. */
    List<ListState> lists(UUID cycle, UUID run) {
        return jdbc.sql("""
                WITH g AS (SELECT DISTINCT grassroots_id FROM evaluation.rating
                           WHERE run_id = :run AND grassroots_id IS NOT NULL),
                     l AS (SELECT DISTINCT g.grassroots_id AS organization_id, r.subject AS kind FROM g
                           JOIN evaluation.rating r ON r.run_id = :run
                            AND (r.grassroots_id = g.grassroots_id OR r.subject_id = g.grassroots_id))
                SELECT l.organization_id, l.kind, coalesce(d.status = 'SIGNED', FALSE) AS signed,
                       coalesce(d.competent_id, a.competent_id) AS competent_id
                FROM l
                LEFT JOIN evaluation.decision d ON d.cycle_id = :cycle AND d.organization_id = l.organization_id
                       AND d.kind = l.kind
                LEFT JOIN evaluation.decision_authority a ON a.cycle_id = :cycle
                       AND a.organization_id = l.organization_id AND a.kind = l.kind
                """).param("cycle", cycle).param("run", run)
                .query((rs, n) -> new ListState(rs.getObject("organization_id", UUID.class), rs.getString("kind"),
                        rs.getBoolean("signed"), rs.getObject("competent_id", UUID.class)))
                .list();
    }

    Optional<Decision> find(UUID decision, boolean lock) {
        return jdbc.sql("SELECT * FROM evaluation.decision WHERE decision_id = :id" + (lock ? " FOR UPDATE" : ""))
                .param("id", decision).query((rs, n) -> decision(rs)).optional();
    }

    Optional<Decision> find(UUID cycle, UUID organization, String kind, boolean lock) {
        return jdbc.sql("SELECT * FROM evaluation.decision WHERE cycle_id = :cycle AND organization_id = :org "
                + "AND kind = :kind" + (lock ? " FOR UPDATE" : "")).param("cycle", cycle).param("org", organization)
                .param("kind", kind).query((rs, n) -> decision(rs)).optional();
    }

    List<Decision> all(UUID cycle) {
        return jdbc.sql("SELECT * FROM evaluation.decision WHERE cycle_id = :cycle").param("cycle", cycle)
                .query((rs, n) -> decision(rs)).list();
    }

    /** Writes a new draft, unless another request wrote the same list first (then false: read that one). */
    boolean insert(Decision d) {
        int written = jdbc.sql("""
                INSERT INTO evaluation.decision (decision_id, cycle_id, run_id, organization_id, kind, competent_id,
                    status) VALUES (:id, :cycle, :run, :org, :kind, :competent, 'DRAFT')
                ON CONFLICT (cycle_id, organization_id, kind) DO NOTHING
                """).param("id", d.id()).param("cycle", d.cycle()).param("run", d.run())
                .param("org", d.organization()).param("kind", d.kind()).param("competent", d.competent()).update();
        if (written == 1) {
            items(d);
        }
        return written == 1;
    }

    /** Writes what a transition left; a signed row is never written again. */
    void save(Decision d) {
        int written = jdbc.sql("""
                UPDATE evaluation.decision SET run_id = :run, competent_id = :competent, status = :status,
                    number = :number, signed_by = :by, signed_at = :at, version = version + 1
                WHERE decision_id = :id AND status = 'DRAFT'
                """).param("run", d.run()).param("competent", d.competent()).param("status", d.status().name())
                .param("number", d.number()).param("by", d.signedBy()).param("at", time(d.signedAt()))
                .param("id", d.id()).update();
        if (written == 0) {
            throw new Refused(EvaluationRefusal.DECISION_SIGNED);
        }
        jdbc.sql("DELETE FROM evaluation.decision_item WHERE decision_id = :id").param("id", d.id()).update();
        items(d);
    }

    private void items(Decision d) {
        for (Decision.Item i : d.items()) {
            jdbc.sql("""
                    INSERT INTO evaluation.decision_item (decision_id, subject_id, subject, proposed_level, level,
                        reason) VALUES (:id, :subject, :kind, :proposed, :level, :reason)
                    """).param("id", d.id()).param("subject", i.subject()).param("kind", d.kind())
                    .param("proposed", i.proposed()).param("level", i.level()).param("reason", i.reason()).update();
        }
    }

    /** The competent organization set for a list, if evaluation staff set one. */
    Optional<UUID> authority(UUID cycle, UUID organization, String kind) {
        return jdbc.sql("SELECT competent_id FROM evaluation.decision_authority WHERE cycle_id = :cycle "
                + "AND organization_id = :org AND kind = :kind").param("cycle", cycle).param("org", organization)
                .param("kind", kind).query(UUID.class).optional();
    }

    void setAuthority(UUID cycle, UUID organization, String kind, UUID competent, String by, Instant at) {
        if (competent == null) {
            jdbc.sql("DELETE FROM evaluation.decision_authority WHERE cycle_id = :cycle AND organization_id = :org "
                    + "AND kind = :kind").param("cycle", cycle).param("org", organization).param("kind", kind)
                    .update();
            return;
        }
        jdbc.sql("""
                INSERT INTO evaluation.decision_authority (cycle_id, organization_id, kind, competent_id, set_by, set_at)
                VALUES (:cycle, :org, :kind, :competent, :by, :at)
                ON CONFLICT (cycle_id, organization_id, kind) DO UPDATE SET competent_id = EXCLUDED.competent_id,
                    set_by = EXCLUDED.set_by, set_at = EXCLUDED.set_at
                """).param("cycle", cycle).param("org", organization).param("kind", kind)
                .param("competent", competent).param("by", by).param("at", time(at)).update();
    }

    /**
     * The subjects of a list as the page shows them: names, the engine's level, the self-assessed level and the
     * chapter's proposal (a proposed review only: a draft is not the chapter's word yet).
     */
    List<DecisionView.Item> items(UUID decision, UUID cycle) {
        return jdbc.sql("""
                SELECT i.subject_id, i.proposed_level, i.level, i.reason, r.engine_level,
                       coalesce(r.excluded OR r.pending, FALSE) AS excluded,
                       coalesce(m.card_number, o.code) AS code, coalesce(m.full_name, o.name) AS name,
                       w.name AS where_name, a.level AS self_level, v.level AS chapter_level,
                       v.reason IS NOT NULL AS chapter_reasoned
                FROM evaluation.decision_item i
                JOIN evaluation.decision d ON d.decision_id = i.decision_id
                LEFT JOIN evaluation.calibrated_rating r ON r.run_id = d.run_id AND r.subject_id = i.subject_id
                LEFT JOIN evaluation.member_projection m ON m.member_id = i.subject_id
                LEFT JOIN evaluation.organization_projection o ON o.organization_id = i.subject_id
                LEFT JOIN evaluation.organization_projection w
                       ON w.organization_id = coalesce(r.organization_id, m.organization_id, o.parent_id)
                LEFT JOIN evaluation.self_assessment a ON a.cycle_id = :cycle AND a.member_id = i.subject_id
                       AND a.status = 'SUBMITTED'
                LEFT JOIN evaluation.chapter_review v ON v.cycle_id = :cycle AND v.member_id = i.subject_id
                       AND v.status = 'PROPOSED'
                WHERE i.decision_id = :id
                ORDER BY w.name, coalesce(m.card_number, o.code), i.subject_id
                """).param("id", decision).param("cycle", cycle)
                .query((rs, n) -> new DecisionView.Item(rs.getObject("subject_id", UUID.class), rs.getString("code"),
                        rs.getString("name"), rs.getString("where_name"), rs.getString("engine_level"),
                        rs.getString("proposed_level"), rs.getString("self_level"), rs.getString("level"),
                        rs.getString("reason"), rs.getBoolean("excluded"), rs.getString("chapter_level"),
                        rs.getBoolean("chapter_reasoned")))
                .list();
    }

    Optional<SignedLevel> signedLevel(UUID cycle, UUID subject) {
        return jdbc.sql("""
                SELECT d.decision_id, i.level, d.signed_at, d.competent_id FROM evaluation.decision d
                JOIN evaluation.decision_item i ON i.decision_id = d.decision_id
                WHERE d.cycle_id = :cycle AND i.subject_id = :subject AND d.status = 'SIGNED'
                """).param("cycle", cycle).param("subject", subject)
                .query((rs, n) -> new SignedLevel(rs.getObject("decision_id", UUID.class), rs.getString("level"),
                        instant(rs, "signed_at"), rs.getObject("competent_id", UUID.class)))
                .optional();
    }

    private static Decision decision(ResultSet rs) throws SQLException {
        UUID id = rs.getObject("decision_id", UUID.class);
        return new Decision(id, rs.getObject("cycle_id", UUID.class), rs.getObject("organization_id", UUID.class),
                rs.getString("kind"), rs.getObject("competent_id", UUID.class), rs.getObject("run_id", UUID.class),
                DecisionStatus.valueOf(rs.getString("status")), rs.getString("number"), rs.getString("signed_by"),
                instant(rs, "signed_at"), List.of());
    }

    /** The decision with its items (a second query: the items of one list). */
    Decision withItems(Decision d) {
        List<Decision.Item> items = jdbc.sql("""
                SELECT subject_id, proposed_level, level, reason FROM evaluation.decision_item
                WHERE decision_id = :id ORDER BY subject_id""").param("id", d.id())
                .query((rs, n) -> new Decision.Item(rs.getObject("subject_id", UUID.class),
                        rs.getString("proposed_level"), rs.getString("level"), rs.getString("reason"))).list();
        return new Decision(d.id(), d.cycle(), d.organization(), d.kind(), d.competent(), d.run(), d.status(),
                d.number(), d.signedBy(), d.signedAt(), items);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime time(Instant at) {
        return at == null ? null : at.atOffset(ZoneOffset.UTC);
    }
}

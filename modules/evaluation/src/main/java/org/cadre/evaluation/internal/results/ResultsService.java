package org.cadre.evaluation.internal.results;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.cadre.evaluation.CalibrationView;
import org.cadre.evaluation.Calibrations;
import org.cadre.evaluation.CycleResults;
import org.cadre.evaluation.EvaluationRefusal;
import org.cadre.evaluation.StoredRating;
import org.cadre.organizations.OrganizationAccess;
import org.cadre.organizations.OrganizationId;
import org.cadre.platform.Caller;
import org.cadre.platform.Refused;
import org.cadre.platform.Role;
import org.cadre.ratingrules.facts.Proposal;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads the ratings of cycles' current runs, with the caller's rights checked on every read. */
@Service
class ResultsService implements CycleResults {

    private static final String SELECT = """
            SELECT c.cycle_id, c.year, r.run_id, run.pack_id, run.pack_version, r.subject, r.subject_id,
                   coalesce(m.full_name, o.name) AS name, coalesce(m.card_number, o.code) AS code,
                   r.organization_id, p.name AS organization_name, r.explanation
            FROM evaluation.cycle c
            JOIN evaluation.run run ON run.run_id = c.current_run_id
            JOIN evaluation.rating r ON r.run_id = c.current_run_id
            LEFT JOIN evaluation.member_projection m ON r.subject = 'MEMBER' AND m.member_id = r.subject_id
            LEFT JOIN evaluation.organization_projection o
                   ON r.subject = 'ORGANIZATION' AND o.organization_id = r.subject_id
            LEFT JOIN evaluation.organization_projection p ON p.organization_id = r.organization_id
            """;

    private final JdbcClient jdbc;
    private final OrganizationAccess access;
    private final Calibrations calibrations;

    ResultsService(JdbcClient jdbc, OrganizationAccess access, Calibrations calibrations) {
        this.jdbc = jdbc;
        this.access = access;
        this.calibrations = calibrations;
    }

    @Override
    @Transactional(readOnly = true)
    public StoredRating rating(UUID cycle, UUID subject, Caller caller) {
        if (!jdbc.sql("SELECT EXISTS (SELECT 1 FROM evaluation.cycle WHERE cycle_id = :id)").param("id", cycle)
                .query(Boolean.class).single()) {
            throw new Refused(EvaluationRefusal.CYCLE_UNKNOWN);
        }
        StoredRating rating = jdbc.sql(SELECT + " WHERE c.cycle_id = :cycle AND r.subject_id = :subject")
                .param("cycle", cycle).param("subject", subject).query(ResultsService::row).optional()
                .orElseThrow(() -> new Refused(EvaluationRefusal.RATING_UNKNOWN));
        if (!mayRead(caller, rating)) {
            throw new Refused(EvaluationRefusal.OUT_OF_SCOPE);
        }
        return rating;
    }

    @Override
    @Transactional(readOnly = true)
    public List<StoredRating> within(UUID cycle, UUID organization, Caller caller) {
        if (!caller.hasAny(Role.ADMIN, Role.EVALUATOR)
                && !(caller.has(Role.SECRETARY) && access.maySee(caller, new OrganizationId(organization)))) {
            throw new Refused(EvaluationRefusal.OUT_OF_SCOPE);
        }
        return jdbc.sql(SELECT + """
                 WHERE c.cycle_id = :cycle AND (r.organization_id = :organization OR r.subject_id = :organization)
                 ORDER BY CASE WHEN r.subject_id = :organization THEN 0 WHEN r.subject = 'ORGANIZATION' THEN 1
                     ELSE 2 END, coalesce(o.code, ''), m.full_name, r.subject_id
                """).param("cycle", cycle).param("organization", organization).query(ResultsService::row).list();
    }

    @Override
    @Transactional(readOnly = true)
    public java.util.Map<Proposal.Subject, java.util.Map<String, Integer>> counts(UUID cycle) {
        java.util.Map<Proposal.Subject, java.util.Map<String, Integer>> counts = new java.util.EnumMap<>(
                Proposal.Subject.class);
        jdbc.sql("""
                SELECT r.subject, CASE WHEN r.excluded THEN 'EXCLUDED' WHEN r.pending THEN 'PENDING' ELSE r.level END,
                       count(*)
                FROM evaluation.cycle c JOIN evaluation.rating r ON r.run_id = c.current_run_id
                WHERE c.cycle_id = :cycle GROUP BY 1, 2
                """).param("cycle", cycle).query(rs -> {
                    counts.computeIfAbsent(Proposal.Subject.valueOf(rs.getString(1)),
                            s -> new java.util.LinkedHashMap<>()).put(rs.getString(2), rs.getInt(3));
                });
        return counts;
    }

    /** The cases with where each stands (decided, open, waiting for the level above, to re-check). */
    @Override
    @Transactional(readOnly = true)
    public List<CalibrationView> calibrations(UUID cycle, Caller caller) {
        if (!caller.hasAny(Role.ADMIN, Role.EVALUATOR)) {
            return List.of();
        }
        return calibrations.list(cycle, caller);
    }

    @Override
    @Transactional(readOnly = true)
    public List<StoredRating> mine(Caller caller) {
        return caller.member().map(member -> jdbc.sql(SELECT + """
                 WHERE r.subject = 'MEMBER' AND r.subject_id = :member ORDER BY c.year DESC
                """).param("member", member).query(ResultsService::row).list()).orElse(List.of());
    }

    /**
     * Evaluation staff and administrators read every rating; a secretary those of members and organizations in their
     * subtree; a member their own; a reviewer none (a reviewer's comments go in, ratings do not come out).
     */
    private boolean mayRead(Caller caller, StoredRating rating) {
        if (caller.hasAny(Role.ADMIN, Role.EVALUATOR)) {
            return true;
        }
        if (caller.member().filter(rating.subjectId()::equals).isPresent()) {
            return true;
        }
        if (caller.has(Role.SECRETARY)) {
            UUID where = rating.subject() == Proposal.Subject.MEMBER ? rating.organization() : rating.subjectId();
            return where != null && access.maySee(caller, new OrganizationId(where));
        }
        return false;
    }

    private static StoredRating row(ResultSet rs, int row) throws SQLException {
        return new StoredRating(rs.getObject("cycle_id", UUID.class), rs.getInt("year"),
                rs.getObject("run_id", UUID.class), rs.getString("pack_id"), rs.getInt("pack_version"),
                Proposal.Subject.valueOf(rs.getString("subject")), rs.getObject("subject_id", UUID.class),
                rs.getString("name"), rs.getString("code"), rs.getObject("organization_id", UUID.class),
                rs.getString("organization_name"), RatingJson.explanation(rs.getString("explanation")));
    }
}

package org.cadre.evaluation.internal.inputs;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cadre.ratingrules.facts.MemberFacts;
import org.cadre.ratingrules.facts.OrganizationFacts;
import org.cadre.ratingrules.facts.SubjectFacts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What people entered for a cycle, laid onto the facts a classification run gives the rules: the civil-service
 * rating, sick leave and the residence-place comment of members, the per-criterion levels and scores of members and
 * organizations. A run calls it once per batch; it reads the batch's inputs in two set-based queries (one for the
 * members' own inputs, one for the criterion entries of every subject), never one per subject, so a run's time does
 * not grow with a query per member.
 *
 * <p>The entries were checked against the cycle's pinned pack when they were entered, so nothing here reads the
 * pack: a criterion's level goes to {@code criterionLevels}, its score to {@code criterionScores}, and the two score
 * groups of a scored regime ({@link InputRules#SCORE_GENERAL}, {@link InputRules#SCORE_TASK}) to
 * {@code scoreGeneral} and {@code scoreTask}.
 */
@Service
public class CycleInputs {

    private final JdbcClient jdbc;

    CycleInputs(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Sets the inputs of the cycle on the given facts (in place). A subject with no input keeps its facts as given;
     * a residence comment adds one to {@code commentsByStance} under its stance (on top of the coordinating bodies'
     * comments the facts may already count) and marks {@code extra.residenceCommentReceived}, which the packs'
     * G-RES-01 rule reads.
     */
    @Transactional(readOnly = true)
    public void applyTo(UUID cycleId, List<MemberFacts> members, List<OrganizationFacts> organizations) {
        Map<UUID, MemberFacts> memberById = new HashMap<>();
        members.forEach(m -> memberById.put(UUID.fromString(m.getSubjectId()), m));
        Map<UUID, SubjectFacts> subjectById = new HashMap<>(memberById);
        organizations.forEach(o -> subjectById.put(UUID.fromString(o.getSubjectId()), o));
        if (subjectById.isEmpty()) {
            return;
        }
        if (!memberById.isEmpty()) {
            jdbc.sql("""
                    SELECT m.id, c.level, s.months, r.stance
                    FROM unnest(CAST(:ids AS uuid[])) AS m(id)
                    LEFT JOIN evaluation.civil_service_rating c ON c.cycle_id = :cycle AND c.member_id = m.id
                    LEFT JOIN evaluation.sick_leave s ON s.cycle_id = :cycle AND s.member_id = m.id
                    LEFT JOIN evaluation.residence_comment r ON r.cycle_id = :cycle AND r.member_id = m.id
                    WHERE c.level IS NOT NULL OR s.months IS NOT NULL OR r.stance IS NOT NULL
                    """).param("ids", memberById.keySet().toArray(UUID[]::new)).param("cycle", cycleId)
                    .query(rs -> {
                        MemberFacts facts = memberById.get(rs.getObject("id", UUID.class));
                        String level = rs.getString("level");
                        if (level != null) {
                            facts.setCivilServiceRating(level);
                        }
                        BigDecimal months = rs.getBigDecimal("months");
                        if (months != null) {
                            facts.setSickLeaveMonths(months.doubleValue());
                        }
                        String stance = rs.getString("stance");
                        if (stance != null) {
                            facts.getCommentsByStance().merge(stance, 1, Integer::sum);
                            facts.getExtra().put("residenceCommentReceived", true);
                            facts.getExtra().put("residenceCommentStance", stance);
                        }
                    });
        }
        jdbc.sql("""
                SELECT subject_id, criterion, level, score FROM evaluation.criterion_entry
                WHERE cycle_id = :cycle AND subject_id = ANY(:ids) ORDER BY subject_id, criterion
                """).param("cycle", cycleId).param("ids", subjectById.keySet().toArray(UUID[]::new))
                .query(rs -> {
                    SubjectFacts facts = subjectById.get(rs.getObject("subject_id", UUID.class));
                    String criterion = rs.getString("criterion");
                    String level = rs.getString("level");
                    BigDecimal score = rs.getBigDecimal("score");
                    if (InputRules.SCORE_GENERAL.equals(criterion)) {
                        facts.setScoreGeneral(score == null ? null : score.doubleValue());
                    } else if (InputRules.SCORE_TASK.equals(criterion)) {
                        facts.setScoreTask(score == null ? null : score.doubleValue());
                    } else {
                        if (level != null) {
                            facts.getCriterionLevels().put(criterion, level);
                        }
                        if (score != null) {
                            facts.getCriterionScores().put(criterion, score.doubleValue());
                        }
                    }
                });
    }
}

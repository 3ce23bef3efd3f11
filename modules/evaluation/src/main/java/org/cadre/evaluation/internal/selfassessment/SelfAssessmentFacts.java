package org.cadre.evaluation.internal.selfassessment;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cadre.ratingrules.facts.MemberFacts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The members' self-assessments laid onto the facts a classification run gives the rules: a submitted one sets
 * {@code selfReviewSubmitted} and {@code selfAssessedLevel} (the code of the pinned member scale the member proposed).
 * A draft counts as not submitted. A run calls it once per batch; it reads the batch in one set-based query.
 */
@Service
public class SelfAssessmentFacts {

    private final JdbcClient jdbc;

    SelfAssessmentFacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Sets the self-assessments of the cycle on the given facts (in place); a member without one keeps them. */
    @Transactional(readOnly = true)
    public void applyTo(UUID cycle, List<MemberFacts> members) {
        if (members.isEmpty()) {
            return;
        }
        Map<UUID, MemberFacts> byId = new HashMap<>();
        members.forEach(m -> byId.put(UUID.fromString(m.getSubjectId()), m));
        jdbc.sql("""
                SELECT member_id, level FROM evaluation.self_assessment
                WHERE cycle_id = :cycle AND status = 'SUBMITTED' AND member_id = ANY(:ids)
                """).param("cycle", cycle).param("ids", byId.keySet().toArray(UUID[]::new)).query(rs -> {
                    MemberFacts facts = byId.get(rs.getObject("member_id", UUID.class));
                    facts.setSelfReviewSubmitted(true);
                    facts.setSelfAssessedLevel(rs.getString("level"));
                });
    }
}

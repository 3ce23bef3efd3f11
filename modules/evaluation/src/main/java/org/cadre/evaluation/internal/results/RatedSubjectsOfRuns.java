package org.cadre.evaluation.internal.results;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.cadre.ratingrules.RatedSubjects;
import org.cadre.ratingrules.facts.MemberFacts;
import org.cadre.ratingrules.facts.OrganizationFacts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The subjects of the latest classification run within a pack's years, for the rule pages' parameter preview: the
 * facts the run gave the rules, read back from the stored ratings. Of several cycles of that year (the bloc's and a
 * grassroots organization's), the one whose run rated the most members.
 */
@Component
class RatedSubjectsOfRuns implements RatedSubjects {

    private final JdbcClient jdbc;

    RatedSubjectsOfRuns(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Batch> latest(int yearFrom, Integer yearTo) {
        record Latest(UUID run, int year) {
        }
        Optional<Latest> latest = jdbc.sql("""
                SELECT c.current_run_id, c.year FROM evaluation.cycle c
                JOIN evaluation.run r ON r.run_id = c.current_run_id
                WHERE c.year >= :from AND (CAST(:to AS INT) IS NULL OR c.year <= CAST(:to AS INT))
                ORDER BY c.year DESC, r.members DESC LIMIT 1
                """).param("from", yearFrom).param("to", yearTo)
                .query((rs, row) -> new Latest(rs.getObject(1, UUID.class), rs.getInt(2))).optional();
        return latest.map(l -> {
            List<MemberFacts> members = new ArrayList<>();
            List<OrganizationFacts> organizations = new ArrayList<>();
            jdbc.sql("SELECT subject, facts FROM evaluation.rating WHERE run_id = :run ORDER BY subject_id")
                    .param("run", l.run()).query(rs -> {
                        if ("MEMBER".equals(rs.getString(1))) {
                            members.add(RatingJson.memberFacts(rs.getString(2)));
                        } else {
                            organizations.add(RatingJson.organizationFacts(rs.getString(2)));
                        }
                    });
            return new Batch(l.year(), members, organizations);
        });
    }
}

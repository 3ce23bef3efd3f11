package org.cadre.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.cadre.evaluation.internal.results.RatingJson;
import org.cadre.platform.Caller;
import org.cadre.platform.Job;
import org.cadre.platform.JobId;
import org.cadre.platform.Jobs;
import org.cadre.platform.Role;
import org.cadre.ratingrules.SubjectRating;
import org.cadre.organizations.Organizations;
import org.cadre.support.CadreTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo's 2017 cycle classified as a newcomer would: every stored rating names the pack version that made it and
 * carries the facts it used and an explanation with a deciding reason; the distribution is credible (most members
 * at "completed well", a few at each end, organizations rated on their members).
 */
@CadreTest
class DemoCycleRunTests {

    private static final Caller STAFF = Caller.of("demo-check", Role.EVALUATOR);

    @Autowired
    Cycles cycles;
    @Autowired
    Jobs jobs;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Organizations organizations;

    @Test
    void everyRatingOfTheDemoRunHasItsPackVersionFactsAndExplanation() {
        CycleView cycle = DemoCycleReady.await(cycles, organizations, jdbc);
        JobId job = cycles.classify(cycle.id(), STAFF);
        DemoCycleReady.until(() -> jobs.find(job).map(Job::finished).orElse(false), Duration.ofMinutes(2));
        assertThat(jobs.find(job).orElseThrow().state()).isEqualTo(Job.State.SUCCEEDED);

        RunView run = cycles.find(cycle.id(), STAFF).orElseThrow().currentRun().orElseThrow();
        assertThat(run.packId()).isEqualTo("hd27-2014");
        List<Map<String, Object>> rows = jdbc.sql("""
                SELECT r.subject, r.level, r.excluded, r.pending, r.facts::text AS facts,
                       r.explanation::text AS explanation, run.pack_id, run.pack_version
                FROM evaluation.rating r JOIN evaluation.run run ON run.run_id = r.run_id WHERE r.run_id = :run
                """).param("run", run.id()).query().listOfRows();
        assertThat(rows).hasSize(run.members() + run.organizations());
        assertThat(run.members()).isGreaterThan(2_000);
        assertThat(rows).allSatisfy(row -> {
            assertThat(row.get("pack_id")).isEqualTo("hd27-2014");
            assertThat(row.get("pack_version")).isEqualTo(1);
            SubjectRating rating = RatingJson.explanation((String) row.get("explanation"));
            assertThat(rating.reasons()).isNotEmpty();
            assertThat(rating.decisiveReason()).isPresent();
            assertThat(rating.level()).isEqualTo(row.get("level"));
            assertThat(RatingJson.facts((String) row.get("subject"), (String) row.get("facts")).getSubjectId())
                    .isEqualTo(rating.subjectId());
        });

        Map<String, Integer> members = new java.util.HashMap<>();
        rows.stream().filter(r -> "MEMBER".equals(r.get("subject")) && r.get("level") != null)
                .forEach(r -> members.merge((String) r.get("level"), 1, Integer::sum));
        int rated = members.values().stream().mapToInt(Integer::intValue).sum();
        assertThat(members.getOrDefault("HTTNV", 0)).as("completed well").isGreaterThan(rated / 2);
        assertThat(members.getOrDefault("HTXSNV", 0)).as("excellent").isPositive().isLessThan(rated / 5);
        assertThat(members.getOrDefault("KHTNV", 0)).as("not completed").isPositive().isLessThan(rated / 10);
        assertThat(rows.stream().filter(r -> "ORGANIZATION".equals(r.get("subject")) && r.get("level") != null)
                .count()).as("organizations rated").isGreaterThan(250);
    }
}

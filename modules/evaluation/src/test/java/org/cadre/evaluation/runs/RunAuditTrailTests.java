package org.cadre.evaluation.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.cadre.evaluation.CycleView;
import org.cadre.evaluation.Cycles;
import org.cadre.evaluation.OpenCycle;
import org.cadre.evaluation.RunView;
import org.cadre.organizations.Members;
import org.cadre.organizations.Organizations;
import org.cadre.platform.CurrentCaller;
import org.cadre.ratingrules.RulePackRegistry;
import org.cadre.supervision.DisciplineForm;
import org.cadre.supervision.Disciplines;
import org.cadre.supervision.ImposeDiscipline;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;

/**
 * The audit trail of a year's rating: the cycle opened by evaluation staff, the classification run (a background
 * job) under the name of who started it, and a discipline imposed by an administrator, each with its target.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES)
@AutoConfigureMockMvc
class RunAuditTrailTests {

    @Autowired
    Organizations organizations;
    @Autowired
    Members members;
    @Autowired
    Cycles cycles;
    @Autowired
    RulePackRegistry registry;
    @Autowired
    Disciplines disciplines;
    @Autowired
    CurrentCaller callers;
    @Autowired
    JdbcClient jdbc;

    RunFixture fixture;

    @BeforeEach
    void bloc() {
        RunFixture.activatePack(registry);
        fixture = new RunFixture(organizations, members);
        fixture.awaitProjection(jdbc);
    }

    @Test
    void theCycleItsRunAndADisciplineNameWhoDidThem() {
        CycleView cycle = cycles.open(new OpenCycle(RunFixture.YEAR, fixture.committee.value()), RunFixture.EVALUATOR);
        RunView run = RunFixture.runAndWait(cycles, cycle.id()).currentRun().orElseThrow();
        callers.as(RunFixture.ADMIN, () -> disciplines.impose(new ImposeDiscipline(fixture.an.value(), null,
                DisciplineForm.REPRIMAND, "13-QĐ/UBKT", LocalDate.of(RunFixture.YEAR, 6, 1), "Ủy ban Kiểm tra",
                "Vi phạm quy chế làm việc", null, false, false), RunFixture.ADMIN));

        // opened by a service call that named its caller (no request): the event's own actor
        assertThat(line("evaluation.cycle-opened", cycle.id().toString())).containsEntry("username", "eva");
        // the run is a job: it runs as the staff member who started it
        Map<String, Object> finished = line("evaluation.run-finished", run.id().toString());
        assertThat(finished).containsEntry("username", "eva").containsEntry("roles", "EVALUATOR");
        assertThat((String) finished.get("arguments")).startsWith("[\"" + RunFixture.YEAR + "\",\"" + RunFixture.PACK);
        // signed in: the administrator, the member's chapter, the form and the decision
        List<Map<String, Object>> disciplined = jdbc.sql("""
                        SELECT * FROM audit.entry WHERE kind = 'supervision.discipline-imposed'
                        AND arguments LIKE '%13-QĐ/UBKT%' AND organization = :chapter""")
                .param("chapter", fixture.chapterA.value()).query().listOfRows();
        assertThat(disciplined).singleElement().satisfies(l -> assertThat(l)
                .containsEntry("username", "admin").containsEntry("roles", "ADMIN"));
    }

    private Map<String, Object> line(String kind, String target) {
        return jdbc.sql("SELECT * FROM audit.entry WHERE kind = :kind AND target = :target")
                .param("kind", kind).param("target", target).query().singleRow();
    }
}

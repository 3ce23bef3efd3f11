package org.cadre.evaluation;

import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import org.cadre.evaluation.internal.facts.FactsRebuild;
import org.cadre.platform.Caller;
import org.cadre.platform.CallerAuthentication;
import org.cadre.platform.ClusterLocks;
import org.cadre.platform.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Evaluation staff ask for a year's facts to be rebuilt through the API: the job's id comes back; anyone else is
 * refused, and a second request while one runs is a problem naming {@code rebuild-in-progress}.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES)
@AutoConfigureMockMvc
class FactsRebuildApiTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    ClusterLocks locks;
    @Autowired
    FactsRebuild rebuild;

    static RequestPostProcessor as(Caller caller) {
        return authentication(new CallerAuthentication(caller));
    }

    @Test
    void evaluationStaffRebuildAYearOnceAtATime() {
        locks.runExclusively(FactsRebuild.KIND, () -> {
            try {
                mvc.perform(post("/api/evaluation/facts/2017/rebuild").with(csrf())
                                .with(as(Caller.of("evaluator", Role.EVALUATOR))))
                        .andExpect(status().isOk()).andExpect(jsonPath("$.job").isNotEmpty())
                        .andExpect(jsonPath("$.year").value(2017));
                mvc.perform(post("/api/evaluation/facts/2017/rebuild").with(csrf())
                                .with(as(Caller.of("admin", Role.ADMIN))))
                        .andExpect(status().isConflict())
                        .andExpect(jsonPath("$.reason").value("rebuild-in-progress"));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        await().atMost(Duration.ofSeconds(60)).until(() -> !rebuild.running());
    }

    @Test
    void nobodyElseMayAskForIt() throws Exception {
        for (Role role : new Role[] {Role.SECRETARY, Role.MEMBER, Role.REVIEWER, Role.RULE_ADMIN}) {
            mvc.perform(post("/api/evaluation/facts/2017/rebuild").with(csrf()).with(as(Caller.of("x", role))))
                    .andExpect(status().isForbidden());
        }
        mvc.perform(post("/api/evaluation/facts/1800/rebuild").with(csrf())
                        .with(as(Caller.of("evaluator", Role.EVALUATOR))))
                .andExpect(status().is(422))
                .andExpect(jsonPath("$.reason").value("year-out-of-range"));
    }
}

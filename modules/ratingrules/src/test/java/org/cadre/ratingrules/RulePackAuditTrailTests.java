package org.cadre.ratingrules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import org.cadre.platform.Caller;
import org.cadre.platform.CallerAuthentication;
import org.cadre.platform.Role;
import org.cadre.ratingrules.testing.TestPacks;
import org.cadre.ratingrules.testing.TestPacks.TestPack;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Uploading, activating and rolling back a rule pack through the API puts each step in the common audit trail,
 * naming the rule administrator even though the validation runs as a background job; the pack's own audit log is
 * kept as it was.
 */
@RatingRulesModuleTest
class RulePackAuditTrailTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    final RequestPostProcessor admin = authentication(new CallerAuthentication(Caller.of("quy-tac-audit",
            Role.RULE_ADMIN)));

    @Test
    void eachStepOfAPackIsInTheTrailWithTheRuleAdministrator() throws Exception {
        TestPack pack = TestPacks.fresh();
        mvc.perform(post("/api/rule-packs").queryParam("activate", "true").with(admin)
                .contentType("application/zip").content(pack.zip())).andExpect(status().isCreated());
        mvc.perform(post("/api/rule-packs/{id}/versions/1/parameters", pack.id()).queryParam("activate", "true")
                        .with(admin).contentType("application/json").content("{\"minAttendance\": 0.6}"))
                .andExpect(status().isCreated());

        List<Map<String, Object>> lines = jdbc.sql("""
                        SELECT username, kind, target FROM audit.entry
                        WHERE module = 'ratingrules' AND target LIKE :pack ORDER BY id""")
                .param("pack", pack.id() + " v%").query().listOfRows();
        assertThat(lines).extracting(l -> l.get("kind") + " " + l.get("target")).containsExactly(
                "ratingrules.pack-validated " + pack.id() + " v1",
                "ratingrules.pack-activated " + pack.id() + " v1",
                "ratingrules.pack-validated " + pack.id() + " v2",
                "ratingrules.pack-retired " + pack.id() + " v1",
                "ratingrules.pack-activated " + pack.id() + " v2");
        assertThat(lines).extracting(l -> l.get("username")).containsOnly("quy-tac-audit");

        // the pack's own log is unchanged in shape
        mvc.perform(get("/api/rule-packs/{id}/audit", pack.id()).with(admin)).andExpect(status().isOk())
                .andExpect(jsonPath("$[*].action", Matchers.hasItems("UPLOAD", "ACTIVATE", "PARAMETERS")));
    }
}

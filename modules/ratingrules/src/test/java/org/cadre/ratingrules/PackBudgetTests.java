package org.cadre.ratingrules;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.cadre.platform.Caller;
import org.cadre.platform.CallerAuthentication;
import org.cadre.platform.Role;
import org.cadre.ratingrules.testing.TestPacks;
import org.cadre.ratingrules.testing.TestPacks.TestPack;
import org.hamcrest.Matchers;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * One pack cannot hurt the server: each shape of runaway rule is refused at upload with a problem that says what it
 * does, and the server goes on rating with the pack that serves.
 */
@RatingRulesModuleTest
class PackBudgetTests {

    @Autowired
    MockMvc mvc;

    final RequestPostProcessor admin = authentication(new CallerAuthentication(Caller.of("rule-admin",
            Role.RULE_ADMIN)));
    final RequestPostProcessor evaluator = authentication(new CallerAuthentication(Caller.of("evaluator",
            Role.EVALUATOR)));

    static List<String[]> shapes() {
        return List.of(
                new String[] {"a string of any size", "$p : Proposal( )", "$p.note(\"x\".repeat(1000000000));",
                        "java.lang.String.repeat"},
                new String[] {"an endless insert", "$m : MemberFacts( )", "insert(new MemberFacts());", "a loop"},
                new String[] {"an endless modify", "$m : MemberFacts( sickLeaveMonths >= 0 )",
                        "modify($m) { setSickLeaveMonths($m.getSickLeaveMonths() + 1) }", "a loop"},
                new String[] {"a cross product", "$a : MemberFacts( )\n    $b : MemberFacts( )\n    $c : MemberFacts( )",
                        "", "not joined"},
                new String[] {"recursion through rules", "$m : MemberFacts( sickLeaveMonths < 1000000 )",
                        "MemberFacts next = new MemberFacts(); next.setSickLeaveMonths($m.getSickLeaveMonths() + 1);"
                                + " insert(next);", "a loop"});
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void aRunawayPackIsRefusedAndTheServerGoesOnRating(String shape, String when, String then, String said)
            throws Exception {
        TestPack serving = TestPacks.fresh();
        mvc.perform(post("/api/rule-packs").queryParam("activate", "true").with(admin)
                .contentType("application/zip").content(serving.zip())).andExpect(status().isCreated());

        TestPack runaway = serving.version(2).withText("runaway.drl", """
                package rules.test.twolevel;
                import org.cadre.ratingrules.facts.*;

                rule "Runaway"
                    @id("T-RUN") @criterion("x") @article("y")
                when
                    %s
                then
                    %s
                end
                """.formatted(when, then));
        mvc.perform(post("/api/rule-packs").queryParam("activate", "true").with(admin)
                        .header("Accept-Language", "en").contentType("application/zip").content(runaway.zip()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.reason").value("invalid-pack"))
                .andExpect(jsonPath("$.detail").value(Matchers.containsString(said)));

        mvc.perform(post("/api/rule-packs/evaluate").with(evaluator).contentType(MediaType.APPLICATION_JSON)
                        .content(RulePackApiTests.memberJson(serving.year(), 9)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.packVersion").value(1))
                .andExpect(jsonPath("$.ratings[0].level").value("PASS"));
    }
}

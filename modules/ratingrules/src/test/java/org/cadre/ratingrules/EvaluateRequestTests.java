package org.cadre.ratingrules;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.cadre.platform.Caller;
import org.cadre.platform.CallerAuthentication;
import org.cadre.platform.Role;
import org.cadre.ratingrules.testing.TestPacks;
import org.cadre.ratingrules.testing.TestPacks.TestPack;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * An evaluation request with impossible facts is refused with the field that is wrong, in Vietnamese and English,
 * before the engine sees it (no ratings in the answer): a year outside 1900–2200, a negative count, a part larger
 * than its whole, a subject sent twice, a criterion or level the pack in force does not know, a batch above the
 * limit (10,000 subjects).
 */
@RatingRulesModuleTest
class EvaluateRequestTests {

    @Autowired
    MockMvc mvc;
    final RequestPostProcessor admin = authentication(new CallerAuthentication(Caller.of("rule-admin",
            Role.RULE_ADMIN)));
    final RequestPostProcessor evaluator = authentication(new CallerAuthentication(Caller.of("evaluator",
            Role.EVALUATOR)));
    TestPack pack;

    @BeforeEach
    void activePack() throws Exception {
        pack = TestPacks.fresh();
        mvc.perform(post("/api/rule-packs").queryParam("activate", "true").with(admin)
                .contentType("application/zip").content(pack.zip())).andExpect(status().isCreated());
    }

    @Test
    void aYearOutOfRangeIsAFieldErrorNotA500() throws Exception {
        for (String year : new String[] {"0", "9999", "10000", "99999999999", "-2024"}) {
            refused(evaluate("vi", "{\"year\": " + year + ", \"members\": [{\"subjectId\": \"m1\"}]}"), 422,
                    "date-out-of-range", "year")
                    .andExpect(jsonPath("$.detail", Matchers.containsString(
                            "nằm ngoài khoảng cho phép (từ 1900 đến 2200)")));
        }
        refused(evaluate("en", "{\"year\": 10000, \"members\": [{\"subjectId\": \"m1\"}]}"), 422,
                "date-out-of-range", "year")
                .andExpect(jsonPath("$.detail").value("The field \"year\" has the year 10000, outside the allowed "
                        + "range (1900 to 2200): check the date."));
    }

    @Test
    void aNegativeCountIsAFieldError() throws Exception {
        String body = "{\"year\": %d, \"members\": [%s, {\"subjectId\": \"m2\", \"meetingsRequired\": 10,"
                + " \"meetingsAttended\": -1}]}";
        refused(evaluate("vi", body.formatted(pack.year(), member("m1", 10, 9))), 422, "fact-negative",
                "members[1].meetingsAttended")
                .andExpect(jsonPath("$.detail").value("Dữ kiện members[1].meetingsAttended không được là số âm "
                        + "(đã gửi -1)."));
        refused(evaluate("en", "{\"year\": " + pack.year() + ", \"organizations\": [{\"subjectId\": \"o1\","
                + " \"commentsByStance\": {\"NEGATIVE\": -3}}]}"), 422, "fact-negative",
                "organizations[0].commentsByStance.NEGATIVE")
                .andExpect(jsonPath("$.detail").value("The fact organizations[0].commentsByStance.NEGATIVE may not "
                        + "be negative (sent -3)."));
    }

    @Test
    void moreMeetingsAttendedThanRequiredOrMoreTargetsCompletedThanAssignedIsAFieldError() throws Exception {
        refused(evaluate("vi", "{\"year\": %d, \"members\": [%s]}".formatted(pack.year(), member("m1", 10, 12))),
                422, "fact-exceeds", "members[0].meetingsAttended")
                .andExpect(jsonPath("$.detail").value("Dữ kiện members[0].meetingsAttended (12) không được lớn hơn "
                        + "members[0].meetingsRequired (10)."));
        refused(evaluate("en", "{\"year\": " + pack.year() + ", \"organizations\": [{\"subjectId\": \"o1\","
                + " \"targetsAssigned\": 3, \"targetsCompleted\": 4}]}"), 422, "fact-exceeds",
                "organizations[0].targetsCompleted")
                .andExpect(jsonPath("$.detail").value("The fact organizations[0].targetsCompleted (4) may not be "
                        + "larger than organizations[0].targetsAssigned (3)."));
    }

    @Test
    void aSubjectSentTwiceIsAFieldError() throws Exception {
        String body = "{\"year\": %d, \"members\": [%s, %s]}".formatted(pack.year(), member("m1", 10, 9),
                member("m1", 10, 7));
        refused(evaluate("vi", body), 422, "subject-twice", "members[1].subjectId")
                .andExpect(jsonPath("$.detail").value("Đối tượng \"m1\" được gửi hơn một lần (members[1].subjectId):"
                        + " mỗi đối tượng chỉ được gửi một lần."));
        refused(evaluate("en", body), 422, "subject-twice", "members[1].subjectId")
                .andExpect(jsonPath("$.detail").value("The subject \"m1\" is sent more than once "
                        + "(members[1].subjectId): send each subject once."));
    }

    @Test
    void aCriterionOrALevelThePackInForceDoesNotKnowIsAFieldError() throws Exception {
        String unknownCriterion = member("m1", 10, 9).replace("\"WORK\": \"GOOD\"", "\"WROK\": \"GOOD\"");
        refused(evaluate("vi", "{\"year\": %d, \"members\": [%s]}".formatted(pack.year(), unknownCriterion)), 422,
                "criterion-unknown", "members[0].criterionLevels.WROK")
                .andExpect(jsonPath("$.detail").value("Bộ quy tắc đang áp dụng không có tiêu chí \"WROK\" "
                        + "(members[0].criterionLevels.WROK); các tiêu chí: WORK."));
        String unknownLevel = member("m1", 10, 9).replace("\"GOOD\"", "\"EXCELLENT\"");
        refused(evaluate("en", "{\"year\": %d, \"members\": [%s]}".formatted(pack.year(), unknownLevel)), 422,
                "level-unknown", "members[0].criterionLevels.WORK")
                .andExpect(jsonPath("$.detail").value("The level \"EXCELLENT\" (members[0].criterionLevels.WORK) is "
                        + "not on the criterion scale of the pack in force: GOOD, POOR."));
    }

    @Test
    void aBatchAboveTheLimitIsRefusedWithTheLimit() throws Exception {
        StringBuilder members = new StringBuilder();
        for (int i = 0; i < 10_001; i++) {
            members.append(i == 0 ? "" : ",").append("{\"subjectId\": \"m").append(i).append("\"}");
        }
        String body = "{\"year\": " + pack.year() + ", \"members\": [" + members + "]}";
        refused(evaluate("vi", body), 413, "too-many-subjects", "members")
                .andExpect(jsonPath("$.detail").value("Yêu cầu có 10001 đối tượng cần xếp loại, vượt quá giới hạn "
                        + "10000 trong một lần gửi: hãy chia thành nhiều lần."));
        refused(evaluate("en", body), 413, "too-many-subjects", "members")
                .andExpect(jsonPath("$.detail", Matchers.containsString("more than the limit of 10000")));
    }

    @Test
    void possibleFactsAreStillRated() throws Exception {
        evaluate("en", "{\"year\": %d, \"members\": [%s, %s]}".formatted(pack.year(), member("m1", 10, 10),
                        member("m2", 0, 0)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.ratings.length()").value(2));
    }

    private ResultActions evaluate(String language, String body) throws Exception {
        return mvc.perform(post("/api/rule-packs/evaluate").with(evaluator).header("Accept-Language", language)
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    /** The refusal as a problem naming the field, and no ratings: nothing was evaluated. */
    private static ResultActions refused(ResultActions answer, int status, String reason, String field)
            throws Exception {
        return answer.andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.reason").value(reason))
                .andExpect(jsonPath("$.field").value(field))
                .andExpect(jsonPath("$.ratings").doesNotExist());
    }

    private static String member(String id, int required, int attended) {
        return """
                {"subjectId": "%s", "organizationId": "c1", "grassrootsOrganizationId": "g1",
                 "meetingsRequired": %d, "meetingsAttended": %d, "criterionLevels": {"WORK": "GOOD"}}"""
                .formatted(id, required, attended);
    }
}

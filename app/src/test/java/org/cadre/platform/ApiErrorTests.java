package org.cadre.platform;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.RequestDispatcher;
import org.cadre.identity.UserAccounts;
import org.cadre.identity.testing.TestUsers;
import org.cadre.support.CadreTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The JSON API answers bad calls with RFC 9457 problem details that say what is wrong, in the caller's language. */
@CadreTest
class ApiErrorTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserAccounts accounts;
    @Autowired
    JdbcClient jdbc;

    String admin;
    String member;

    @BeforeEach
    void users() {
        admin = TestUsers.create(accounts, Role.ADMIN);
        member = TestUsers.create(accounts, Role.MEMBER);
    }

    @Test
    void unknownApiPathIsAProblemJson404() throws Exception {
        mvc.perform(get("/api/no-such-thing").with(httpBasic(admin, TestUsers.PASSWORD)))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(404))
                .andExpect(jsonPath("$.detail").value("Không có tài nguyên nào tại đường dẫn \"/api/no-such-thing\"."));
    }

    @Test
    void everyModulesApiIsInTheOpenApiDocument() throws Exception {
        mvc.perform(get("/v3/api-docs").with(httpBasic(admin, TestUsers.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/rule-packs/evaluate']").exists())
                .andExpect(jsonPath("$.paths['/api/rule-packs/{packId}/rollback']").exists())
                .andExpect(jsonPath("$.paths['/api/members/{id}/transfer']").exists());
    }

    @Test
    void anUnknownApiPathIsAProblemEvenForABrowser() throws Exception {
        mvc.perform(get("/api/no-such-thing").with(httpBasic(admin, TestUsers.PASSWORD))
                        .accept(MediaType.TEXT_HTML).header("Accept-Language", "en"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(404));
    }

    @Test
    void aMethodTheApiPathDoesNotTakeIsAProblem405() throws Exception {
        for (MediaType accept : new MediaType[] {MediaType.APPLICATION_JSON, MediaType.TEXT_HTML}) {
            mvc.perform(delete("/api/organizations").with(httpBasic(admin, TestUsers.PASSWORD)).accept(accept))
                    .andExpect(status().isMethodNotAllowed())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.status").value(405));
        }
    }

    @Test
    void aBodyOfATypeTheApiDoesNotReadIsAProblem415AndNothingIsWritten() throws Exception {
        int before = organizationCount();
        for (MediaType accept : new MediaType[] {MediaType.APPLICATION_JSON, MediaType.TEXT_HTML}) {
            mvc.perform(post("/api/organizations").with(httpBasic(admin, TestUsers.PASSWORD)).accept(accept)
                            .contentType(MediaType.TEXT_PLAIN).content("code=SYT"))
                    .andExpect(status().isUnsupportedMediaType())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.status").value(415));
        }
        org.assertj.core.api.Assertions.assertThat(organizationCount()).isEqualTo(before);
    }

    /**
     * An unexpected error of an API controller reaches the container's error path; there the answer is a problem
     * in the caller's language, never the HTML error page, even when the client accepts only HTML.
     */
    @Test
    void aServerErrorOnAnApiPathIsAProblemNotAnHtmlPage() throws Exception {
        for (String language : new String[] {"vi", "en"}) {
            mvc.perform(get("/error").with(httpBasic(admin, TestUsers.PASSWORD)).accept(MediaType.TEXT_HTML)
                            .header("Accept-Language", language)
                            .requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 500)
                            .requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/api/rule-packs/evaluate"))
                    .andExpect(status().isInternalServerError())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.status").value(500))
                    .andExpect(jsonPath("$.instance").value("/api/rule-packs/evaluate"))
                    .andExpect(jsonPath("$.detail").value(language.equals("vi")
                            ? "Lỗi hệ thống khi xử lý \"/api/rule-packs/evaluate\". Hãy thử lại sau."
                            : "A system error occurred while handling \"/api/rule-packs/evaluate\". Try again later."));
        }
    }

    @Test
    void unknownPageIsAnHtml404() throws Exception {
        mvc.perform(get("/no-such-page").with(httpBasic(admin, TestUsers.PASSWORD)).accept(MediaType.TEXT_HTML))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Không tìm thấy trang")));
    }

    @Test
    void invalidJsonValueNamesTheField() throws Exception {
        int before = organizationCount();
        mvc.perform(post("/api/organizations").with(httpBasic(admin, TestUsers.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"code": "SYT", "name": "Đảng bộ Sở Y tế", "kind": "GRASSROOTS_COMMITTEE",
                                 "establishedOn": "31/12/2010"}
                                """))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.field").value("establishedOn"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("establishedOn")));
        org.assertj.core.api.Assertions.assertThat(organizationCount()).isEqualTo(before);
    }

    @Test
    void anEffectiveDateOrAnAsOfDateFarOutOfRangeIsAFieldErrorAndNothingIsWritten() throws Exception {
        int before = organizationCount();
        for (String date : new String[] {"9999-12-31", "0000-01-01"}) {
            mvc.perform(post("/api/organizations").with(httpBasic(admin, TestUsers.PASSWORD))
                            .contentType(MediaType.APPLICATION_JSON).content("""
                                    {"code": "Y-%s", "name": "Chi bộ Năm", "kind": "GRASSROOTS_CHAPTER",
                                     "establishedOn": "%s"}
                                    """.formatted(admin, date)))
                    .andExpect(status().isUnprocessableContent())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.reason").value("date-out-of-range"))
                    .andExpect(jsonPath("$.field").value("establishedOn"))
                    .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString(
                            "nằm ngoài khoảng cho phép (từ 1900 đến 2200)")));
        }
        org.assertj.core.api.Assertions.assertThat(organizationCount()).isEqualTo(before);
        mvc.perform(get("/api/organizations/tree").param("asOf", "10000-01-01").with(httpBasic(admin,
                        TestUsers.PASSWORD)).header("Accept-Language", "en"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("asOf"));
        mvc.perform(get("/api/organizations/tree").param("asOf", "9999-01-01").with(httpBasic(admin,
                        TestUsers.PASSWORD)).header("Accept-Language", "en"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.field").value("asOf"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString(
                        "has the year 9999, outside the allowed range (1900 to 2200)")));
    }

    @Test
    void malformedJsonIsA400InEnglishWhenAsked() throws Exception {
        mvc.perform(post("/api/organizations").with(httpBasic(admin, TestUsers.PASSWORD))
                        .header("Accept-Language", "en").contentType(MediaType.APPLICATION_JSON).content("{\"code\": "))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("The request body is not valid JSON."));
    }

    @Test
    void missingFieldsAreListed() throws Exception {
        mvc.perform(post("/api/organizations").with(httpBasic(admin, TestUsers.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"code\": \"ok\", \"kind\": \"CHAPTER\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(
                        org.hamcrest.Matchers.containsInAnyOrder("name", "establishedOn")))
                .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.not(
                        org.hamcrest.Matchers.containsString("must"))));
    }

    @Test
    void duplicateCodeIsAConflictNamingTheCode() throws Exception {
        String body = """
                {"code": "DUP-%s", "name": "Chi bộ Thanh tra", "kind": "GRASSROOTS_CHAPTER", "establishedOn": "2012-05-01"}
                """.formatted(admin);
        mvc.perform(post("/api/organizations").with(httpBasic(admin, TestUsers.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isCreated());
        mvc.perform(post("/api/organizations").with(httpBasic(admin, TestUsers.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.field").value("code"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("DUP-" + admin)));
    }

    @Test
    void withoutCredentialsTheApiSays401() throws Exception {
        mvc.perform(get("/api/organizations"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("Cần đăng nhập (HTTP Basic) để gọi API này."));
    }

    @Test
    void aRoleWithoutTheRightGets403() throws Exception {
        mvc.perform(post("/api/organizations").with(httpBasic(member, TestUsers.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"code": "FORGED", "name": "x", "kind": "GRASSROOTS_CHAPTER", "establishedOn": "2012-05-01"}
                                """))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void openApiDocumentDescribesTheApi() throws Exception {
        mvc.perform(get("/v3/api-docs").with(httpBasic(admin, TestUsers.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/organizations']").exists());
    }

    @Test
    void actuatorHealthIsPublicAndModulithIsForAdmins() throws Exception {
        mvc.perform(get("/actuator/health")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
        mvc.perform(get("/actuator/modulith").with(httpBasic(member, TestUsers.PASSWORD)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/actuator/modulith").with(httpBasic(admin, TestUsers.PASSWORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.organizations").exists());
        // the build and the JVM are for administrators only
        mvc.perform(get("/actuator/info")).andExpect(status().isUnauthorized());
        mvc.perform(get("/actuator/info").with(httpBasic(member, TestUsers.PASSWORD)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/actuator/info").with(httpBasic(admin, TestUsers.PASSWORD)))
                .andExpect(status().isOk());
    }

    private int organizationCount() {
        return jdbc.sql("SELECT count(*) FROM organizations.organization").query(Integer.class).single();
    }
}

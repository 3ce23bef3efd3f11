package org.cadre.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Set;
import java.util.UUID;
import org.cadre.identity.NewUserAccount;
import org.cadre.identity.UserAccounts;
import org.cadre.identity.testing.TestUsers;
import org.cadre.support.CadreTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The text policy in the assembled application: the API's JSON refuses a NUL and a key given twice, and a password
 * is never trimmed, on the sign-in form and on the API alike.
 */
@CadreTest
class TextPolicyAppTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserAccounts accounts;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aNulOrARepeatedKeyInTheApisJsonIsAProblemAndNothingIsWritten() throws Exception {
        String admin = TestUsers.create(accounts, Role.ADMIN);
        String code = "NUL-" + UUID.randomUUID().toString().substring(0, 6);
        mvc.perform(post("/api/organizations").with(httpBasic(admin, TestUsers.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"code": "%s", "name": "Chi bộ\\u0000 Thử", "kind": "GRASSROOTS_CHAPTER",
                                 "establishedOn": "2012-05-01"}
                                """.formatted(code)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.field").value("name"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("(U+0000) ở vị trí 7")));
        mvc.perform(post("/api/organizations").with(httpBasic(admin, TestUsers.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"code": "%s", "code": "%s-2", "name": "Chi bộ Thử", "kind": "GRASSROOTS_CHAPTER",
                                 "establishedOn": "2012-05-01"}
                                """.formatted(code, code)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("code"));
        assertThat(jdbc.sql("SELECT count(*) FROM organizations.organization WHERE code LIKE :code")
                .param("code", code + "%").query(Integer.class).single()).isZero();
    }

    @Test
    void aPasswordWithSpacesAtItsEndsSignsInAsTyped() throws Exception {
        String username = "t-" + UUID.randomUUID().toString().substring(0, 8);
        String password = " mật khẩu có dấu cách ";
        accounts.create(new NewUserAccount(username, password, "Người dùng thử", Set.of(Role.MEMBER), null, null));
        mvc.perform(post("/login").with(csrf()).param("username", username).param("password", password))
                .andExpect(authenticated().withUsername(username));
        mvc.perform(post("/login").with(csrf()).param("username", username).param("password", password.strip()))
                .andExpect(unauthenticated());
        // signed in on the API too: an unknown path is a 404, not the 401 of a wrong password
        mvc.perform(get("/api/no-such-thing").with(httpBasic(username, password)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/no-such-thing").with(httpBasic(username, password.strip())))
                .andExpect(status().isUnauthorized());
    }
}

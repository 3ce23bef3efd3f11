package org.cadre.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cadre.identity.testing.TestUsers;
import org.cadre.platform.Caller;
import org.cadre.platform.Refused;
import org.cadre.platform.Role;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The page where every signed-in user makes, sees and revokes their access tokens: the token is shown once, in the
 * answer to the form, and never again; a user sees and revokes their own tokens only, an administrator anyone's;
 * bad input is refused next to the form and writes nothing.
 */
@ApplicationModuleTest
@AutoConfigureMockMvc
class AccessTokenPageTests {

    private static final Pattern TOKEN = Pattern.compile("cadre_[A-Za-z0-9_-]{43}");

    @Autowired
    MockMvc mvc;
    @Autowired
    UserAccounts accounts;
    @Autowired
    AccessTokens tokens;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aUserMakesATokenSeesItOnceAndThenOnlyItsName() throws Exception {
        String user = TestUsers.create(accounts, Role.MEMBER);
        String page = mvc.perform(post("/account/tokens").with(httpBasic(user, TestUsers.PASSWORD)).with(csrf())
                        .param("name", "Báo cáo hằng tuần").param("days", "30"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("chỉ hiển thị một lần")))
                .andReturn().getResponse().getContentAsString();
        Matcher shown = TOKEN.matcher(page);
        assertThat(shown.find()).isTrue();
        String token = shown.group();

        mvc.perform(get("/api/test/caller").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk());
        mvc.perform(get("/account/tokens").with(httpBasic(user, TestUsers.PASSWORD)).param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Báo cáo hằng tuần")))
                .andExpect(content().string(Matchers.containsString("Active")))
                .andExpect(content().string(Matchers.not(Matchers.containsString(token))));
        // neither the token table nor any session holds the clear token
        assertThat(jdbc.sql("SELECT count(*) FROM identity.access_token t WHERE t::text LIKE :t")
                .param("t", "%" + token.substring(6) + "%").query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("""
                SELECT count(*) FROM sessions.spring_session_attributes
                WHERE position(convert_to(:t, 'UTF8') IN attribute_bytes) > 0
                """).param("t", token.substring(6)).query(Integer.class).single()).isZero();
    }

    @Test
    void badInputIsRefusedNextToTheFormAndWritesNothing() throws Exception {
        String user = TestUsers.create(accounts, Role.SECRETARY);
        Caller caller = Caller.of(user, Role.SECRETARY);
        String[][] bad = {{"", "30"}, {"   ", "30"}, {"x".repeat(101), "30"}, {"ok", "0"}, {"ok", "366"},
                {"ok", "mười"}};
        for (String[] input : bad) {
            mvc.perform(post("/account/tokens").with(httpBasic(user, TestUsers.PASSWORD)).with(csrf())
                            .param("name", input[0]).param("days", input[1]))
                    .andExpect(redirectedUrl("/account/tokens"))
                    .andExpect(flash().attributeExists("formError"));
        }
        assertThatThrownBy(() -> tokens.create(" ", 30, caller)).isInstanceOf(Refused.class)
                .extracting(e -> ((Refused) e).reason()).isEqualTo(IdentityRefusal.TOKEN_NAME_REQUIRED);
        assertThatThrownBy(() -> tokens.create("x".repeat(101), 30, caller))
                .extracting(e -> ((Refused) e).reason()).isEqualTo(IdentityRefusal.TOKEN_NAME_TOO_LONG);
        assertThatThrownBy(() -> tokens.create("ok", 366, caller))
                .extracting(e -> ((Refused) e).reason()).isEqualTo(IdentityRefusal.TOKEN_DAYS_OUT_OF_RANGE);
        assertThatThrownBy(() -> tokens.create("ok", 0, caller))
                .extracting(e -> ((Refused) e).reason()).isEqualTo(IdentityRefusal.TOKEN_DAYS_OUT_OF_RANGE);
        assertThat(tokens.list(caller)).isEmpty();
        // the longest name and the longest life are allowed
        assertThat(tokens.create("x".repeat(100), 365, caller).view().name()).hasSize(100);
    }

    @Test
    void aUserCannotSeeOrRevokeAnotherUsersTokenButAnAdministratorCan() throws Exception {
        String owner = TestUsers.create(accounts, Role.MEMBER);
        String other = TestUsers.create(accounts, Role.SECRETARY);
        String admin = TestUsers.create(accounts, Role.ADMIN);
        CreatedAccessToken created = tokens.create("của chủ", null, Caller.of(owner, Role.MEMBER));

        assertThat(tokens.list(Caller.of(other, Role.SECRETARY))).isEmpty();
        mvc.perform(get("/account/tokens").with(httpBasic(other, TestUsers.PASSWORD)))
                .andExpect(content().string(Matchers.not(Matchers.containsString("của chủ"))));
        // someone else's token reads as unknown: the same "not found" as one that does not exist
        mvc.perform(post("/account/tokens/{id}/revoke", created.view().id())
                        .with(httpBasic(other, TestUsers.PASSWORD)).with(csrf()))
                .andExpect(status().isNotFound())
                .andExpect(content().string(Matchers.containsString("Không tìm thấy khóa truy cập")));
        mvc.perform(post("/account/tokens/{id}/revoke", UUID.randomUUID())
                        .with(httpBasic(other, TestUsers.PASSWORD)).with(csrf()))
                .andExpect(status().isNotFound())
                .andExpect(content().string(Matchers.containsString("Không tìm thấy khóa truy cập")));
        assertThatThrownBy(() -> tokens.revoke(created.view().id(), Caller.of(other, Role.SECRETARY)))
                .extracting(e -> ((Refused) e).reason()).isEqualTo(IdentityRefusal.TOKEN_UNKNOWN);
        mvc.perform(get("/api/test/caller").header("Authorization", "Bearer " + created.token()))
                .andExpect(status().isOk());

        assertThat(tokens.list(Caller.of(admin, Role.ADMIN))).extracting(AccessTokenView::owner).contains(owner);
        mvc.perform(post("/account/tokens/{id}/revoke", created.view().id())
                        .with(httpBasic(admin, TestUsers.PASSWORD)).with(csrf()))
                .andExpect(redirectedUrl("/account/tokens"))
                .andExpect(flash().attributeExists("notice"));
        mvc.perform(get("/api/test/caller").header("Authorization", "Bearer " + created.token()))
                .andExpect(status().isUnauthorized());
        assertThatThrownBy(() -> tokens.revoke(created.view().id(), Caller.of(owner, Role.MEMBER)))
                .extracting(e -> ((Refused) e).reason()).isEqualTo(IdentityRefusal.TOKEN_ALREADY_REVOKED);
        assertThat(tokens.list(Caller.of(owner, Role.MEMBER))).singleElement()
                .satisfies(t -> assertThat(t.revokedAt()).isNotNull());
    }

    @Test
    void thePageAsksForASignIn() throws Exception {
        mvc.perform(get("/account/tokens").accept(MediaType.TEXT_HTML))
                .andExpect(status().isFound());
        mvc.perform(post("/account/tokens").param("name", "x").param("days", "1").with(csrf()))
                .andExpect(status().is(Matchers.oneOf(302, 401)));
        // a signed-in user without the form's CSRF token makes nothing
        String user = TestUsers.create(accounts, Role.MEMBER);
        mvc.perform(post("/account/tokens").with(httpBasic(user, TestUsers.PASSWORD)).param("name", "x"))
                .andExpect(status().isForbidden());
        assertThat(tokens.list(Caller.of(user, Role.MEMBER))).isEmpty();
    }

    @Test
    void everySignedInUserHasTheNavigationEntry() throws Exception {
        String reviewer = TestUsers.create(accounts, Role.REVIEWER);
        mvc.perform(get("/").with(httpBasic(reviewer, TestUsers.PASSWORD)))
                .andExpect(content().string(Matchers.containsString("href=\"/account/tokens\"")));
    }
}

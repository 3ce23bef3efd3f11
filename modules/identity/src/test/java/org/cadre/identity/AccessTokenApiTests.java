package org.cadre.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.Set;
import java.util.UUID;
import org.cadre.identity.testing.TestUsers;
import org.cadre.platform.Caller;
import org.cadre.platform.Role;
import org.cadre.platform.testing.MutableClock;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * A script signs in to the API with an access token: as the token's owner, with the owner's roles and scope as they
 * are at each call, until the token is revoked or expires or the owner can no longer sign in. Anything else is the
 * API's usual 401 problem; a token never opens a page; the clear token is stored nowhere.
 */
@ApplicationModuleTest
@AutoConfigureMockMvc
class AccessTokenApiTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserAccounts accounts;
    @Autowired
    AccessTokens tokens;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MutableClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void aTokenSignsInAsItsOwnerWithTheOwnersScope() throws Exception {
        UUID chapter = UUID.randomUUID();
        String secretary = "t-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(new NewUserAccount(secretary, TestUsers.PASSWORD, "Bí thư chi bộ", Set.of(Role.SECRETARY),
                chapter, null));
        String token = tokens.create("báo cáo tháng", null, Caller.of(secretary, Role.SECRETARY)).token();

        call("/api/test/caller", token).andExpect(status().isOk())
                .andExpect(jsonPath("$.username").value(secretary))
                .andExpect(jsonPath("$.roles").value(Matchers.contains("SECRETARY")))
                .andExpect(jsonPath("$.organizationScope").value(chapter.toString()));
        call("/api/test/secretaries", token).andExpect(status().isOk());
    }

    @Test
    void aTokenCarriesTheOwnersRolesAsTheyAreNowNotAsTheyWereWhenItWasMade() throws Exception {
        String user = TestUsers.create(accounts, Role.SECRETARY);
        String token = tokens.create("đồng bộ", 30, Caller.of(user, Role.SECRETARY)).token();
        call("/api/test/secretaries", token).andExpect(status().isOk());

        jdbc.sql("""
                UPDATE identity.user_role SET role = 'MEMBER'
                WHERE user_id = (SELECT id FROM identity.app_user WHERE username = :u)
                """).param("u", user).update();
        call("/api/test/secretaries", token).andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        call("/api/test/caller", token).andExpect(jsonPath("$.roles").value(Matchers.contains("MEMBER")));
    }

    @Test
    void aRevokedTokenIsRefusedAtOnce() throws Exception {
        String user = TestUsers.create(accounts, Role.MEMBER);
        CreatedAccessToken created = tokens.create("máy in", null, Caller.of(user, Role.MEMBER));
        call("/api/test/caller", created.token()).andExpect(status().isOk());

        tokens.revoke(created.view().id(), Caller.of(user, Role.MEMBER));
        unauthorized(call("/api/test/caller", created.token()));
    }

    @Test
    void aTokenEndsWhenItExpires() throws Exception {
        String user = TestUsers.create(accounts, Role.MEMBER);
        String token = tokens.create("một ngày", 1, Caller.of(user, Role.MEMBER)).token();
        clock.advance(Duration.ofHours(23));
        call("/api/test/caller", token).andExpect(status().isOk());
        clock.advance(Duration.ofHours(1));
        unauthorized(call("/api/test/caller", token));

        // without a number of days a token lasts 90
        String lasting = tokens.create("mặc định", null, Caller.of(user, Role.MEMBER)).token();
        clock.advance(Duration.ofDays(89));
        call("/api/test/caller", lasting).andExpect(status().isOk());
        clock.advance(Duration.ofDays(1));
        unauthorized(call("/api/test/caller", lasting));
    }

    @Test
    void aDisabledOrDeletedOwnersTokensStopWorking() throws Exception {
        String disabled = TestUsers.create(accounts, Role.EVALUATOR);
        String deleted = TestUsers.create(accounts, Role.EVALUATOR);
        String first = tokens.create("a", null, Caller.of(disabled, Role.EVALUATOR)).token();
        String second = tokens.create("b", null, Caller.of(deleted, Role.EVALUATOR)).token();

        jdbc.sql("UPDATE identity.app_user SET enabled = FALSE WHERE username = :u").param("u", disabled).update();
        jdbc.sql("DELETE FROM identity.app_user WHERE username = :u").param("u", deleted).update();
        unauthorized(call("/api/test/caller", first));
        unauthorized(call("/api/test/caller", second));
    }

    @Test
    void unknownGarbledOrForeignTokensAreTheUsual401Problem() throws Exception {
        String user = TestUsers.create(accounts, Role.MEMBER);
        String real = tokens.create("thật", null, Caller.of(user, Role.MEMBER)).token();
        String unknown = "cadre_" + real.substring(6, 48) + (real.charAt(48) == 'A' ? 'B' : 'A');
        for (String token : new String[] {unknown, real.substring(0, 30), "ghp_" + real.substring(6), "", "x y",
                real + "=", real.replace("cadre_", "CADRE_")}) {
            unauthorized(call("/api/test/caller", token));
        }
        // a password where a token goes is refused too, and says nothing about the user
        unauthorized(call("/api/test/caller", TestUsers.PASSWORD));
    }

    @Test
    void lastUseIsRecordedAtMostOncePerMinute() throws Exception {
        String user = TestUsers.create(accounts, Role.MEMBER);
        CreatedAccessToken created = tokens.create("đo", null, Caller.of(user, Role.MEMBER));
        assertThat(lastUsed(created)).isNull();

        call("/api/test/caller", created.token()).andExpect(status().isOk());
        OffsetDateTime first = lastUsed(created);
        assertThat(first).isNotNull();
        clock.advance(Duration.ofSeconds(50));
        call("/api/test/caller", created.token()).andExpect(status().isOk());
        assertThat(lastUsed(created)).isEqualTo(first);
        clock.advance(Duration.ofSeconds(20));
        call("/api/test/caller", created.token()).andExpect(status().isOk());
        assertThat(lastUsed(created)).isAfter(first);
    }

    @Test
    void theClearTokenIsNotStoredOnlyItsHash() throws Exception {
        String user = TestUsers.create(accounts, Role.MEMBER);
        CreatedAccessToken created = tokens.create("kho", null, Caller.of(user, Role.MEMBER));
        assertThat(created.token()).matches("cadre_[A-Za-z0-9_-]{43}");
        assertThat(created.toString()).doesNotContain(created.token());

        String stored = jdbc.sql("SELECT t::text FROM identity.access_token t WHERE id = :id")
                .param("id", created.view().id()).query(String.class).single();
        assertThat(stored).doesNotContain(created.token()).doesNotContain(created.token().substring(6))
                .contains(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                        .digest(created.token().getBytes(StandardCharsets.US_ASCII))));
    }

    @Test
    void aTokenOpensNoPage() throws Exception {
        String user = TestUsers.create(accounts, Role.ADMIN);
        String token = tokens.create("trang", null, Caller.of(user, Role.ADMIN)).token();
        call("/api/test/caller", token).andExpect(status().isOk());
        mvc.perform(get("/account/tokens").header("Authorization", "Bearer " + token).accept(MediaType.TEXT_HTML))
                .andExpect(status().isFound())
                .andExpect(header().string("Location", Matchers.endsWith("/login")));
        mvc.perform(get("/").header("Authorization", "Bearer " + token))
                .andExpect(status().is(Matchers.oneOf(302, 401)));
    }

    private OffsetDateTime lastUsed(CreatedAccessToken created) {
        return jdbc.sql("SELECT last_used_at FROM identity.access_token WHERE id = :id")
                .param("id", created.view().id()).query(OffsetDateTime.class).optional().orElse(null);
    }

    private ResultActions call(String path, String token) throws Exception {
        return mvc.perform(get(path).header("Authorization", "Bearer " + token));
    }

    private static void unauthorized(ResultActions call) throws Exception {
        call.andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(401))
                .andExpect(header().string("WWW-Authenticate", Matchers.startsWith("Bearer")));
    }
}

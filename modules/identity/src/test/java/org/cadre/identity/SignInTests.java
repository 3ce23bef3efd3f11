package org.cadre.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.time.Duration;
import org.cadre.identity.testing.TestUsers;
import org.cadre.platform.Role;
import org.cadre.platform.testing.MutableClock;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Signing in: clear messages, guessing slowed down and logged, a page request comes back after sign-in, and the
 * signed-in user is the typed caller every module reads. The block after repeated failures is passed by
 * moving the clock, not by waiting.
 */
@ApplicationModuleTest
@AutoConfigureMockMvc
@ExtendWith(OutputCaptureExtension.class)
class SignInTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserAccounts accounts;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MutableClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void wrongPasswordGivesAClearMessage() throws Exception {
        String user = TestUsers.create(accounts, Role.SECRETARY);
        mvc.perform(formLogin().user(user).password("sai-mat-khau"))
                .andExpect(redirectedUrl("/login?error=credentials"));
        mvc.perform(get("/login").param("error", "credentials"))
                .andExpect(content().string(Matchers.containsString("Tên đăng nhập hoặc mật khẩu không đúng.")));
    }

    @Test
    void repeatedFailuresAreSlowedDownAndLogged(CapturedOutput output) throws Exception {
        String user = TestUsers.create(accounts, Role.MEMBER);
        for (int i = 0; i < 5; i++) {
            mvc.perform(signIn(user, "guess-" + i, "10.1.0.5"))
                    .andExpect(redirectedUrl("/login?error=credentials"));
        }
        // the fifth failure blocked the name from that address: even the right password is refused there for now,
        // with the wait the server computed (the address carries no number)
        MvcResult blocked = mvc.perform(signIn(user, TestUsers.PASSWORD, "10.1.0.5"))
                .andExpect(redirectedUrl("/login?error=throttled")).andReturn();
        // the session (kept in the database) carries the wait to the page
        mvc.perform(get("/login").param("error", "throttled").cookie(blocked.getResponse().getCookie("SESSION")))
                .andExpect(content().string(Matchers.matchesRegex("(?s).*Vui lòng thử lại sau (29|30) giây.*")));
        mvc.perform(get("/api/anything").with(httpBasic(user, TestUsers.PASSWORD)).with(from("10.1.0.5")))
                .andExpect(status().isUnauthorized())
                .andExpect(content().string(Matchers.containsString("thử lại sau")));

        assertThat(output).contains("Failed sign-in for '" + user + "' from 10.1.0.5 (5 in a row)")
                .contains("Sign-in refused for '" + user + "' from 10.1.0.5: blocked");

        // once the block has passed, the right password works and the count starts again
        clock.advance(Duration.ofSeconds(31));
        mvc.perform(signIn(user, TestUsers.PASSWORD, "10.1.0.5"))
                .andExpect(redirectedUrl("/"));
        assertThat(jdbc.sql("SELECT count(*) FROM identity.login_attempt WHERE username = :u").param("u", user)
                .query(Integer.class).single()).isZero();
    }

    @Test
    void failuresFromElsewhereDoNotLockTheOwnerOut() throws Exception {
        String admin = TestUsers.create(accounts, Role.ADMIN);
        for (int i = 0; i < 8; i++) {
            mvc.perform(signIn(admin, "guess-" + i, "203.0.113.9"));
        }
        mvc.perform(signIn(admin, TestUsers.PASSWORD, "203.0.113.9"))
                .andExpect(redirectedUrl("/login?error=throttled"));
        // the owner, at their own address, signs in as usual
        mvc.perform(signIn(admin, TestUsers.PASSWORD, "10.1.0.7"))
                .andExpect(redirectedUrl("/"));
    }

    @Test
    void anAddressTryingManyNamesIsBlockedWhateverNameItTriesNext() throws Exception {
        String user = TestUsers.create(accounts, Role.MEMBER);
        // the default allows 30 failures from one address in 15 minutes, whatever the names
        for (int i = 0; i < 30; i++) {
            mvc.perform(signIn("khong-co-" + i, "x", "198.51.100.4"))
                    .andExpect(redirectedUrl("/login?error=credentials"));
        }
        mvc.perform(signIn(user, TestUsers.PASSWORD, "198.51.100.4"))
                .andExpect(redirectedUrl("/login?error=throttled"));
        mvc.perform(signIn(user, TestUsers.PASSWORD, "10.1.0.8"))
                .andExpect(redirectedUrl("/"));
        clock.advance(Duration.ofMinutes(16));
        mvc.perform(signIn(user, TestUsers.PASSWORD, "198.51.100.4"))
                .andExpect(redirectedUrl("/"));
    }

    @Test
    void theSignInPageShowsNoNumberTakenFromTheAddress() throws Exception {
        mvc.perform(get("/login").param("error", "throttled").param("wait", "99999<b>x</b>"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.not(Matchers.containsString("99999"))))
                .andExpect(content().string(Matchers.containsString("Vui lòng thử lại sau ít phút")));
    }

    /** The sign-in form posted from this client address. */
    private static MockHttpServletRequestBuilder signIn(String user, String password, String address) {
        return post("/login").with(csrf()).param("username", user).param("password", password).with(from(address));
    }

    /** A request from this client address, as the servlet container reports it. */
    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    @Test
    void aPageWithoutSessionGoesToLoginAndComesBackAsTheTypedCaller() throws Exception {
        String user = TestUsers.create(accounts, Role.ADMIN);
        MvcResult asked = mvc.perform(get("/").accept(MediaType.TEXT_HTML))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/login"))
                .andReturn();
        // the session, and the page asked for, live in the database: the SESSION cookie is all the browser keeps
        Cookie session = asked.getResponse().getCookie("SESSION");
        assertThat(session).isNotNull();
        assertThat(jdbc.sql("SELECT count(*) FROM sessions.spring_session").query(Integer.class).single())
                .isPositive();
        MvcResult signedIn = mvc.perform(post("/login").cookie(session).with(csrf()).param("username", user)
                        .param("password", TestUsers.PASSWORD))
                .andExpect(redirectedUrl("http://localhost/?continue")).andReturn();
        // the page asked for, as the signed-in caller: the shell greets them by the typed caller's user name
        Cookie signedInSession = signedIn.getResponse().getCookie("SESSION");
        mvc.perform(get("/").cookie(signedInSession != null ? signedInSession : session))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(user)));
    }

    @Test
    void passwordsAreStoredHashed() {
        String user = TestUsers.create(accounts, Role.MEMBER);
        String hash = jdbc.sql("SELECT password_hash FROM identity.app_user WHERE username = :u").param("u", user)
                .query(String.class).single();
        assertThat(hash).startsWith("{bcrypt}").doesNotContain(TestUsers.PASSWORD);
    }

    @Test
    void newHashesTakeTheConfiguredCostAndAHashOfAnotherCostStillSignsIn() throws Exception {
        String user = TestUsers.create(accounts, Role.MEMBER);
        // the suite runs with cadre.security.login.bcrypt-strength=4
        assertThat(jdbc.sql("SELECT password_hash FROM identity.app_user WHERE username = :u").param("u", user)
                .query(String.class).single()).startsWith("{bcrypt}$2a$04$");
        // a password stored before the cost changed (here the default, 10) keeps its own cost and still matches
        jdbc.sql("UPDATE identity.app_user SET password_hash = :hash WHERE username = :u")
                .param("hash", "{bcrypt}" + new BCryptPasswordEncoder(10).encode("mat-khau-cu-2019"))
                .param("u", user).update();
        mvc.perform(get("/api/anything").with(httpBasic(user, "mat-khau-cu-2019")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/anything").with(httpBasic(user, TestUsers.PASSWORD)))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void theFirstStartCreatedAnAdministratorWithTheGivenPassword() throws Exception {
        // the suite sets CADRE_ADMIN_PASSWORD's property; nothing else creates 'admin': signed in, an unknown API
        // path is a 404, not a 401
        mvc.perform(get("/api/anything").with(httpBasic("admin", "test-admin-secret")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/anything").with(httpBasic("admin", "wrong")))
                .andExpect(status().isUnauthorized());
    }
}

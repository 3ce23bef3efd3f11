package org.cadre.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cadre.identity.UserAccounts;
import org.cadre.identity.testing.TestUsers;
import org.cadre.organizations.MemberId;
import org.cadre.organizations.Members;
import org.cadre.organizations.OrganizationId;
import org.cadre.organizations.OrganizationKind;
import org.cadre.organizations.Organizations;
import org.cadre.organizations.RegisterOrganization;
import org.cadre.organizations.testing.TestTree;
import org.cadre.platform.Caller;
import org.cadre.platform.Role;
import org.cadre.supervision.Attendance;
import org.cadre.supervision.AttendanceEntry;
import org.cadre.supervision.ChapterMeetings;
import org.cadre.supervision.MeetingKind;
import org.cadre.supervision.RecordMeeting;
import org.cadre.support.CadreTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The pages hold against what a browser on another site, or text a user typed, can do: a form posted without the
 * page's CSRF token changes nothing; names, agendas and minutes containing markup are shown as text on every page
 * that shows them; signing in gives a new session id (a session fixed before sign-in is worthless); every page and
 * API answer carries the security headers. Guessing passwords is throttled: identity's {@code SignInTests} prove it.
 * SQL built from values and templates writing unescaped text are checked in {@link SourceSafetyTests}.
 */
@CadreTest
class WebSecurityTests {

    /** Markup a user could type into any text field: a script, and an attribute break-out with a handler. */
    static final String SCRIPT = "<script>alert(1)</script>";
    static final String BREAK_OUT = "\"><img src=x onerror=alert(2)>";

    @Autowired
    MockMvc mvc;
    @Autowired
    UserAccounts accounts;
    @Autowired
    Organizations organizations;
    @Autowired
    Members members;
    @Autowired
    ChapterMeetings meetings;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcClient jdbc;
    @LocalServerPort
    int port;

    @Test
    void aPageFormWithoutOrWithAWrongCsrfTokenIsRefusedAndChangesNothing() throws Exception {
        String admin = TestUsers.create(accounts, Role.ADMIN);
        TestTree tree = new TestTree(organizations, members);
        String before = name(tree.chapterA);

        mvc.perform(post("/organizations/{id}/rename", tree.chapterA.value()).with(httpBasic(admin, TestUsers.PASSWORD))
                        .param("name", "Chi bộ giả mạo").param("on", "2020-01-01"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/organizations/{id}/rename", tree.chapterA.value()).with(httpBasic(admin, TestUsers.PASSWORD))
                        .with(csrf().useInvalidToken()).param("name", "Chi bộ giả mạo").param("on", "2020-01-01"))
                .andExpect(status().isForbidden());
        assertThat(name(tree.chapterA)).isEqualTo(before);

        // the same form with the page's token does rename: the refusals above were the token's
        mvc.perform(post("/organizations/{id}/rename", tree.chapterA.value()).with(httpBasic(admin, TestUsers.PASSWORD))
                        .with(csrf()).param("name", "Chi bộ đổi tên " + tree.prefix).param("on", "2020-01-01"))
                .andExpect(status().is3xxRedirection());
        assertThat(name(tree.chapterA)).isEqualTo("Chi bộ đổi tên " + tree.prefix);
    }

    @Test
    void markupInNamesAgendasAndMinutesIsShownAsTextOnEveryPageThatShowsIt() throws Exception {
        String admin = TestUsers.create(accounts, Role.ADMIN);
        TestTree tree = new TestTree(organizations, members);
        OrganizationId chapter = organizations.register(new RegisterOrganization(tree.prefix + "-S",
                "Chi bộ " + SCRIPT, OrganizationKind.CHAPTER, tree.committee.value(), LocalDate.of(2005, 2, 1)));
        MemberId member = tree.admit(chapter, SCRIPT, BREAK_OUT, "An" + BREAK_OUT);
        meetings.record(new RecordMeeting(chapter.value(), MeetingKind.REGULAR, LocalDate.of(2017, 3, 5),
                "Sinh hoạt " + SCRIPT + BREAK_OUT, "Biên bản " + SCRIPT + BREAK_OUT, BREAK_OUT, SCRIPT,
                List.of(new AttendanceEntry(member.value(), Attendance.PRESENT, BREAK_OUT))),
                Caller.of("test", Role.ADMIN));

        for (String page : List.of("/organizations/" + chapter.value(), "/organizations/" + tree.committee.value(),
                "/organizations", "/members/" + member.value(), "/members?q=" + tree.prefix,
                "/supervision/meetings?organization=" + chapter.value() + "&year=2017",
                "/supervision/desk?organization=" + chapter.value())) {
            String html = mvc.perform(get(page).with(httpBasic(admin, TestUsers.PASSWORD))
                            .accept(MediaType.TEXT_HTML).header("Accept-Language", "vi"))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            assertThat(html).as(page).doesNotContain(SCRIPT).doesNotContain("<img src=x")
                    .doesNotContain("\"><img");
            assertThat(html).as(page).containsAnyOf("&lt;script&gt;alert(1)&lt;/script&gt;",
                    "&quot;&gt;&lt;img src=x onerror=alert(2)&gt;");
        }
    }

    /**
     * A rule pack's name (from its uploaded {@code pack.yaml}) and the audit's actor and detail (a refused upload's
     * detail names what the user sent) are shown as text on the pack's page. Written in a transaction rolled back
     * afterwards, so the shipped pack's history stays as it is.
     */
    @Test
    void markupInARulePacksNameAndItsAuditIsShownAsText() {
        String admin = TestUsers.create(accounts, Role.RULE_ADMIN);
        transactions.executeWithoutResult(tx -> {
            tx.setRollbackOnly();
            String pack = jdbc.sql("SELECT pack_id FROM ratingrules.pack_version WHERE state = 'ACTIVE' "
                    + "ORDER BY pack_id LIMIT 1").query(String.class).single();
            jdbc.sql("UPDATE ratingrules.pack_version SET name_vi = :name, name_en = :name WHERE pack_id = :pack")
                    .param("name", "Quy định " + SCRIPT + BREAK_OUT).param("pack", pack).update();
            jdbc.sql("INSERT INTO ratingrules.audit_entry (actor, action, pack_id, version, detail) "
                            + "VALUES (:actor, 'UPLOAD_REFUSED', :pack, NULL, :detail)")
                    .param("actor", "user:" + BREAK_OUT).param("pack", pack)
                    .param("detail", "tệp " + SCRIPT + BREAK_OUT).update();
            jdbc.sql("INSERT INTO ratingrules.audit_entry (actor, action, pack_id, version, detail) "
                            + "VALUES (:actor, 'NOTE', :pack, 1, :detail)")
                    .param("actor", SCRIPT).param("pack", pack).param("detail", SCRIPT + BREAK_OUT).update();
            try {
                String html = mvc.perform(get("/rule-packs/{pack}", pack).with(httpBasic(admin, TestUsers.PASSWORD))
                                .accept(MediaType.TEXT_HTML))
                        .andExpect(status().isOk()).andReturn().getResponse()
                        .getContentAsString(StandardCharsets.UTF_8);
                assertThat(html).doesNotContain(SCRIPT).doesNotContain("<img src=x").doesNotContain("\"><img");
                assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void signingInGivesANewSessionAndTheOldOneSignsNobodyIn() throws Exception {
        String user = TestUsers.create(accounts, Role.EVALUATOR);
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(uri("/login")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        String before = cookie(login).orElseThrow();
        Matcher token = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(login.body());
        assertThat(token.find()).as("the sign-in form carries a CSRF token").isTrue();

        HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(uri("/login"))
                .header("Cookie", before).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + encode(user) + "&password="
                        + encode(TestUsers.PASSWORD) + "&_csrf=" + encode(token.group(1))))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        String after = cookie(signedIn).orElseThrow();
        assertThat(after).isNotEqualTo(before);

        assertThat(http.send(HttpRequest.newBuilder(uri("/")).header("Cookie", after).header("Accept", "text/html").GET().build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        HttpResponse<String> fixed = http.send(HttpRequest.newBuilder(uri("/")).header("Cookie", before)
                .header("Accept", "text/html").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(fixed.statusCode()).isEqualTo(302);
        assertThat(fixed.headers().firstValue("Location").orElseThrow()).endsWith("/login");
    }

    /** A page of a role the user does not have answers with the forbidden page, over the wire. */
    @Test
    void aPageOfAnotherRoleIsTheForbiddenPage() throws Exception {
        String member = TestUsers.create(accounts, Role.MEMBER);
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(uri("/rule-packs"))
                .header("Authorization", basic(member)).header("Accept", "text/html")
                .header("Accept-Language", "vi").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(page.body()).contains("id=\"error-detail\"");
    }

    @Test
    void pagesAndTheApiCarryTheSecurityHeaders() throws Exception {
        String admin = TestUsers.create(accounts, Role.ADMIN);
        for (String page : List.of("/login", "/", "/organizations")) {
            mvc.perform(get(page).with(httpBasic(admin, TestUsers.PASSWORD)).accept(MediaType.TEXT_HTML))
                    .andExpect(status().isOk())
                    .andExpect(header().string("Content-Security-Policy",
                            org.hamcrest.Matchers.allOf(org.hamcrest.Matchers.containsString("default-src 'self'"),
                                    org.hamcrest.Matchers.containsString("script-src 'self'"),
                                    org.hamcrest.Matchers.containsString("frame-ancestors 'none'"),
                                    org.hamcrest.Matchers.containsString("object-src 'none'"))))
                    .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                    .andExpect(header().string("X-Frame-Options", "DENY"))
                    .andExpect(header().string("Referrer-Policy", "same-origin"))
                    .andExpect(header().string("Cache-Control", org.hamcrest.Matchers.containsString("no-store")));
        }
        mvc.perform(get("/api/organizations").with(httpBasic(admin, TestUsers.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().string("Referrer-Policy", "same-origin"))
                .andExpect(header().string("Cache-Control", org.hamcrest.Matchers.containsString("no-store")));
    }

    private String name(OrganizationId organization) {
        return organizations.find(organization).orElseThrow().name();
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String basic(String user) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":" + TestUsers.PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
    }

    /** The session cookie the answer sets, as {@code name=value}. */
    private static Optional<String> cookie(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream().map(c -> c.split(";", 2)[0])
                .filter(c -> c.startsWith("SESSION=") || c.startsWith("JSESSIONID=")).findFirst();
    }
}

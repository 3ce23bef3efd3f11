package org.cadre.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.cadre.identity.AccessTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * PostgreSQL stopped and started again under load, the application left running. The application runs on a
 * PostgreSQL of this test's own (the embedded binaries, as a server it can stop with {@code pg_ctl stop -m fast} and
 * start again on the same data and port), while clients call the API with an access token and with HTTP basic,
 * open a page in a signed-in session in Vietnamese and in English, and register organizations (two clients
 * each). While the database is gone: health is DOWN (503) within seconds; every call answers 503 within the pool's
 * wait (a problem on the API, the "temporarily unavailable" page in the reader's language), never a 500, a 401 or a
 * stack trace, calls cut off at the moment of the stop included. When it is back:
 * health is UP and every call succeeds, without a restart. Every registration that answered 201 is in the
 * database, every one that answered 503 is not.
 */
@ExtendWith(DatabaseOutageTests.StopDatabase.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "cadre.demo-data.enabled=false")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class DatabaseOutageTests {

    private static final String VI_DETAIL = "Hệ thống tạm thời không kết nối được cơ sở dữ liệu nên chưa xử lý được "
            + "yêu cầu của bạn. Vui lòng thử lại sau ít phút.";
    private static final String EN_DETAIL = "The system cannot reach its database right now, so your request could "
            + "not be handled. Please try again in a few minutes.";
    private static final String API_VI_DETAIL = "Hệ thống tạm thời không kết nối được cơ sở dữ liệu nên chưa xử lý "
            + "được yêu cầu. Hãy thử lại sau ít phút.";
    private static final String ADMIN_PASSWORD = System.getProperty("cadre.security.login.admin-password",
            "test-admin-secret");

    static Path data;
    static int databasePort;
    static EmbeddedPostgres postgres;

    @LocalServerPort
    int port;
    @Autowired
    AccessTokens tokens;

    private final HttpClient plain = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Map<String, Call> writes = new ConcurrentHashMap<>();
    private volatile long stopped = Long.MAX_VALUE;
    private volatile long restarted = Long.MAX_VALUE;
    private volatile long healthUp = Long.MAX_VALUE;

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) throws IOException {
        data = Files.createTempDirectory("cadre-outage-pg-");
        try (ServerSocket free = new ServerSocket(0)) {
            databasePort = free.getLocalPort();
        }
        postgres = start();
        registry.add("spring.datasource.url", () -> jdbcUrl());
        registry.add("spring.datasource.username", () -> "postgres");
    }

    private static EmbeddedPostgres start() throws IOException {
        return EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).setPort(databasePort)
                .setRegisterShutdownHook(false).setPGStartupWait(Duration.ofSeconds(60)).start();
    }

    private static String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + databasePort + "/postgres";
    }

    /**
     * Stops the database after the application: registered before Spring's extension, its callback runs after
     * Spring's, which closes the context ({@code @DirtiesContext}).
     */
    static class StopDatabase implements AfterAllCallback {
        @Override
        public void afterAll(ExtensionContext extension) throws IOException {
            if (postgres != null) {
                postgres.close();
            }
            try (var paths = Files.walk(data)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    @Test
    void theApplicationAnswers503WhileTheDatabaseIsGoneAndServesAgainWhenItIsBack() throws Exception {
        String token = tokens.create("outage", null, Caller.of("admin", Role.ADMIN)).token();
        HttpClient vietnamese = signedIn(null);
        HttpClient english = signedIn("en");

        AtomicInteger next = new AtomicInteger();
        List<Runnable> kinds = List.of(
                () -> call("token read", plain, api("/api/organizations").header("Authorization", "Bearer " + token)),
                () -> call("basic read", plain, api("/api/organizations").header("Authorization", basic())),
                () -> call("page vi", vietnamese, page("/")),
                () -> call("page en", english, page("/")),
                () -> register(next.incrementAndGet(), token));
        // two clients of each kind, each calling again 100 ms after its last answer
        ScheduledExecutorService clients = Executors.newScheduledThreadPool(kinds.size() * 2);
        for (int i = 0; i < kinds.size() * 2; i++) {
            clients.scheduleWithFixedDelay(kinds.get(i % kinds.size()), 0, 100, TimeUnit.MILLISECONDS);
        }

        Awaitility.await("answers before the stop").atMost(Duration.ofSeconds(60))
                .until(() -> calls.size() >= 2 * kinds.size() * 2);
        stopped = System.nanoTime();
        postgres.close(); // pg_ctl stop -m fast: open transactions are rolled back, sessions ended
        Duration down = awaitHealth(503, stopped);
        // the database stays away six seconds, past the pool's five-second wait: health says DOWN all along
        Awaitility.await("health DOWN while the database is away").during(Duration.ofSeconds(6))
                .atMost(Duration.ofSeconds(30)).until(() -> health().statusCode() == 503);
        restarted = System.nanoTime();
        postgres = start();
        Duration up = awaitHealth(200, restarted);
        healthUp = System.nanoTime();
        Awaitility.await("health UP after the start").during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(30)).until(() -> health().statusCode() == 200);
        clients.shutdown();
        assertThat(clients.awaitTermination(30, TimeUnit.SECONDS)).as("the clients' last calls ended").isTrue();

        // before: answered before the stop; gap: asked after the stop and answered before the start; after: asked
        // once health was UP again
        List<Call> before = calls.stream().filter(c -> c.ended() < stopped).toList();
        List<Call> gap = calls.stream().filter(c -> c.started() > stopped && c.ended() < restarted).toList();
        List<Call> after = calls.stream().filter(c -> c.started() > healthUp).toList();
        System.out.printf("Database outage: health DOWN %d ms after the stop, UP %d ms after the start (outage "
                        + "%d ms); calls %d, in the gap %d (503: %d), after %d; slowest refused call %d ms; "
                        + "writes 201: %d, 503: %d%n",
                down.toMillis(), up.toMillis(), Duration.ofNanos(restarted - stopped).toMillis(), calls.size(),
                gap.size(), gap.stream().filter(c -> c.status() == 503).count(), after.size(),
                calls.stream().filter(c -> c.status() == 503).mapToLong(Call::millis).max().orElse(0),
                writes.values().stream().filter(c -> c.status() == 201).count(),
                writes.values().stream().filter(c -> c.status() == 503).count());

        // two checks read the database (db, eventPublications), each waiting the pool's 5 s
        assertThat(down).as("health turns DOWN within seconds").isLessThan(Duration.ofSeconds(15));
        assertThat(up).as("health is UP again within seconds of the start").isLessThan(Duration.ofSeconds(15));
        assertThat(calls).as("every call answered: served, or 503").allSatisfy(c ->
                assertThat(c.status()).as(c.toString()).isIn(200, 201, 503));
        assertThat(before).as("all served before the stop").allSatisfy(c -> assertThat(c.status()).as(c.toString()).isIn(200, 201));
        // a refused call waits for the pool's connection timeout (5 s); a page may wait twice, its query and then
        // the save of its web session when the response commits, before the outage filter answers it
        assertThat(calls).as("a refused call waits no longer than twice the pool's connection timeout (5 s)")
                .filteredOn(c -> c.status() == 503).allSatisfy(c -> assertThat(c.millis()).isLessThan(12_000));
        for (String kind : List.of("token read", "basic read", "page vi", "page en", "write")) {
            assertThat(gap).as("refused in the gap: " + kind).anySatisfy(c -> {
                assertThat(c.kind()).isEqualTo(kind);
                assertThat(c.status()).isEqualTo(503);
            });
        }
        assertThat(calls).filteredOn(c -> c.status() == 503).allSatisfy(c -> {
            assertThat(c.retryAfter()).as(c.toString()).isEqualTo("5");
            assertThat(c.body()).as(c.toString()).doesNotContain("Exception").doesNotContain("at org.")
                    .doesNotContain("Tomcat");
            switch (c.kind()) {
                case "page vi" -> assertThat(c.body()).as(c.toString()).contains("<html").contains(VI_DETAIL);
                case "page en" -> assertThat(c.body()).as(c.toString()).contains("<html").contains(EN_DETAIL);
                default -> assertThat(c.body()).as(c.toString()).contains("\"status\":503")
                        .contains(API_VI_DETAIL).contains("\"instance\":\"/api/organizations\"");
            }
        });
        assertThat(after).as("served again, without a restart").isNotEmpty().allSatisfy(c ->
                assertThat(c.status()).as(c.toString()).isIn(200, 201));
        for (String kind : List.of("token read", "basic read", "page vi", "page en", "write")) {
            assertThat(after).as("served again: " + kind).anyMatch(c -> c.kind().equals(kind));
        }

        Set<String> stored = new HashSet<>();
        try (Connection connection = DriverManager.getConnection(jdbcUrl(), "postgres", "");
                ResultSet rows = connection.createStatement().executeQuery(
                        "SELECT code FROM organizations.organization WHERE code LIKE 'OUT-%'")) {
            while (rows.next()) {
                stored.add(rows.getString(1));
            }
        }
        Set<String> accepted = new HashSet<>();
        Set<String> cutOff = new HashSet<>();
        writes.forEach((code, call) -> {
            if (call.status() == 201) {
                accepted.add(code);
            } else if (call.started() < stopped && call.ended() > stopped) {
                cutOff.add(code);
            }
        });
        assertThat(stored).as("every write that answered 201 is stored: nothing lost").containsAll(accepted);
        // the one case no server can settle (docs/operations.md): a commit under way at the very moment of the stop,
        // stored, whose acknowledgement was lost with the connection; any other write answered 503 left nothing
        Set<String> storedThough503 = new HashSet<>(stored);
        storedThough503.removeAll(accepted);
        assertThat(storedThough503).as("stored though answered 503: only writes under way at the stop, nothing "
                + "asked before or after it half done").isSubsetOf(cutOff);
        assertThat(writes.values()).as("every write answered 201 or 503")
                .allSatisfy(c -> assertThat(c.status()).as(c.toString()).isIn(201, 503));
    }

    private Duration awaitHealth(int status, long since) {
        Awaitility.await("health answers " + status).atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200)).until(() -> {
                    HttpResponse<String> health = health();
                    if (health.statusCode() != status) {
                        return false;
                    }
                    assertThat(health.body()).as("the actuator's own answer").contains(
                            status == 200 ? "\"status\":\"UP\"" : "\"status\":\"DOWN\"");
                    return true;
                });
        return Duration.ofNanos(System.nanoTime() - since);
    }

    private HttpResponse<String> health() throws IOException, InterruptedException {
        return plain.send(HttpRequest.newBuilder(uri("/actuator/health")).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private void register(int n, String token) {
        String code = "OUT-" + n;
        String body = "{\"code\":\"" + code + "\",\"name\":\"Chi bộ thử " + n + "\",\"kind\":\"GRASSROOTS_CHAPTER\","
                + "\"establishedOn\":\"2020-01-01\"}";
        Call call = call("write", plain, api("/api/organizations").header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
        writes.put(code, call);
    }

    private Call call(String kind, HttpClient client, HttpRequest.Builder request) {
        long started = System.nanoTime();
        int status;
        String body;
        String retryAfter;
        try {
            HttpResponse<String> response = client.send(request.timeout(Duration.ofSeconds(20)).build(),
                    HttpResponse.BodyHandlers.ofString());
            status = response.statusCode();
            body = response.body();
            retryAfter = response.headers().firstValue("Retry-After").orElse(null);
        } catch (IOException | InterruptedException e) {
            status = -1;
            body = e.toString();
            retryAfter = null;
        }
        Call call = new Call(kind, started, System.nanoTime(), status, retryAfter,
                body.length() > 2_000 ? body.substring(0, 2_000) : body);
        calls.add(call);
        return call;
    }

    /** A browser-like client signed in through the login form, in Vietnamese or in the given language. */
    private HttpClient signedIn(String language) throws Exception {
        CookieManager cookies = new CookieManager();
        if (language != null) {
            HttpCookie chosen = new HttpCookie("cadre-lang", language);
            chosen.setPath("/");
            chosen.setVersion(0); // a plain cookie, as a browser sends it: version 1 would quote the value
            cookies.getCookieStore().add(uri("/"), chosen);
        }
        HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).connectTimeout(Duration.ofSeconds(5))
                .build();
        String login = client.send(page("/login").build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(login);
        assertThat(csrf.find()).as(login).isTrue();
        String form = "username=admin&password=" + URLEncoder.encode(ADMIN_PASSWORD, StandardCharsets.UTF_8)
                + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> signIn = client.send(page("/login")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signIn.statusCode()).isEqualTo(302);
        assertThat(signIn.headers().firstValue("Location").orElse("")).doesNotContain("error");
        assertThat(client.send(page("/").build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        return client;
    }

    private HttpRequest.Builder api(String path) {
        return HttpRequest.newBuilder(uri(path)).header("Accept", "application/json");
    }

    private HttpRequest.Builder page(String path) {
        return HttpRequest.newBuilder(uri(path)).header("Accept", "text/html");
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String basic() {
        return "Basic " + Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
    }

    /** One call and how it was answered. */
    record Call(String kind, long started, long ended, int status, String retryAfter, String body) {
        long millis() {
            return (ended - started) / 1_000_000;
        }

        @Override
        public String toString() {
            return kind + ": " + status + " in " + millis() + " ms: "
                    + (body.length() > 300 ? body.substring(0, 300) : body);
        }
    }
}

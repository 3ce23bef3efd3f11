package org.cadre.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.cadre.ModuleTestApplication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Faults of one request that must not take the web server down. Stuck requests: each holds a worker thread, the
 * others are still served at once, and health says how many are stuck ({@code WARNING}, then {@code DOWN} when they
 * hold half the workers). Out of memory: a real child JVM with a small heap and <em>without</em>
 * {@code -XX:+ExitOnOutOfMemoryError} (the jar's case) runs out of memory in a request, or in a thread of its own as
 * Tomcat's acceptor did, and exits with code 3 within seconds instead of staying up and not answering. The endpoints
 * that block or allocate exist only in this test.
 */
@SpringBootTest(classes = ModuleTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"cadre.requests.stuck-after=1s", "server.tomcat.threads.max=10",
                "spring.security.user.name=ops", "spring.security.user.password=" + ServerFaultsTests.PASSWORD,
                "spring.security.user.roles=ADMIN"})
@Import(ServerFaultsTests.Blocking.class)
class ServerFaultsTests {

    static final String PASSWORD = "ops-secret-1";
    private static final String BASIC = "Basic " + Base64.getEncoder().encodeToString(("ops:" + PASSWORD)
            .getBytes(StandardCharsets.UTF_8));

    @LocalServerPort
    int port;
    @Autowired
    @Qualifier("requests")
    HealthIndicator requests;
    @Autowired
    DataSource dataSource;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<CompletableFuture<HttpResponse<String>>> blocked = new ArrayList<>();
    private Process child;

    @BeforeEach
    void hold() {
        Blocking.release = new CountDownLatch(1);
    }

    @AfterEach
    void release() {
        Blocking.release.countDown();
        blocked.forEach(call -> call.orTimeout(20, TimeUnit.SECONDS).exceptionally(e -> null).join());
        if (child != null && child.isAlive()) {
            child.destroyForcibly();
        }
    }

    @Test
    void stuckRequestsHoldTheirThreadsOnlyAndHealthNamesThem() throws Exception {
        assertThat(requests.health().getStatus()).isEqualTo(Status.UP);

        block(3);
        assertThat(get("/test-faults/quick").statusCode()).isEqualTo(200);
        // once they are past cadre.requests.stuck-after
        Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> !requests.health().getStatus().equals(Status.UP));
        var health = requests.health();
        assertThat(health.getStatus().getCode()).as("3 of 10 workers stuck: look, but keep serving")
                .isEqualTo("WARNING");
        assertThat(health.getDetails()).containsEntry("stuck", 3).containsEntry("workerThreads", 10);
        assertThat(((Map<?, ?>) health.getDetails().get("oldest")).get("request"))
                .isEqualTo("GET /test-faults/block");

        block(2);
        Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> !requests.health().getStatus().getCode().equals("WARNING"));
        assertThat(requests.health().getStatus()).as("5 of 10 workers stuck: send the traffic elsewhere")
                .isEqualTo(Status.DOWN);
        long started = System.nanoTime();
        for (int i = 0; i < 20; i++) {
            assertThat(get("/test-faults/quick").statusCode()).isEqualTo(200);
        }
        assertThat(Duration.ofNanos(System.nanoTime() - started))
                .as("the free workers still answer at once").isLessThan(Duration.ofSeconds(5));

        Blocking.release.countDown();
        for (var call : blocked) {
            assertThat(call.get(20, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        }
        assertThat(requests.health().getStatus()).isEqualTo(Status.UP);
    }

    /** A JSON body is read into memory whole: beyond 16 MB it is refused, with or without a declared length. */
    @Test
    void aBodyOverTheLimitIsRefusedBeforeItFillsTheHeap() throws Exception {
        assertThat(post(json(1_000)).statusCode()).isEqualTo(200);
        // declared: refused on the headers alone, nothing read (sent by hand: a client would send the body)
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.setSoTimeout(15_000);
            socket.getOutputStream().write(("POST /api/test-faults/echo HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: " + BASIC + "\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 17000000\r\nConnection: close\r\n\r\n[").getBytes(StandardCharsets.ISO_8859_1));
            String answer = answer(socket);
            assertThat(answer).startsWith("HTTP/1.1 413").containsIgnoringCase("application/problem+json");
        }
        // chunked, no length declared: cut off once it passes the limit, the endpoint never called
        byte[] large = json((16 * 1024 * 1024 + 256 * 1024) / 12);
        Blocking.ECHOED.set(0);
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            var out = socket.getOutputStream();
            out.write(("POST /api/test-faults/echo HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + BASIC
                    + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            CompletableFuture<Void> sending = CompletableFuture.runAsync(() -> {
                try {
                    for (int at = 0; at < large.length; at += 65_536) {
                        int length = Math.min(65_536, large.length - at);
                        out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                        out.write(large, at, length);
                        out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
                    }
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                } catch (IOException closed) {
                    // the server may stop reading once it has refused the body
                }
            });
            String answer = answer(socket);
            sending.join();
            assertThat(answer).startsWith("HTTP/1.1 413").containsIgnoringCase("application/problem+json")
                    .contains("\"status\":413");
        }
        assertThat(Blocking.ECHOED.get()).as("the endpoint never ran").isZero();
    }

    /** What the server answered, up to the end of its problem: it may keep the connection to read on. */
    private static String answer(java.net.Socket socket) throws IOException {
        StringBuilder answer = new StringBuilder();
        byte[] buffer = new byte[8192];
        try {
            int n;
            while (!answer.toString().contains("\"status\":413") && (n = socket.getInputStream().read(buffer)) > 0) {
                answer.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
            }
        } catch (java.net.SocketTimeoutException | java.net.SocketException stopped) {
            // what came before is the answer
        }
        return answer.toString();
    }

    private HttpResponse<String> post(byte[] body) throws IOException, InterruptedException {
        HttpRequest.BodyPublisher publisher = HttpRequest.BodyPublishers.ofByteArray(body);
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/test-faults/echo"))
                .header("Authorization", BASIC).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30)).POST(publisher).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A JSON array of that many 10-character texts (12 bytes each). */
    private static byte[] json(int texts) {
        StringBuilder body = new StringBuilder(texts * 12 + 2).append('[');
        for (int i = 0; i < texts; i++) {
            body.append(i == 0 ? "" : ",").append("\"abcdefghij\"");
        }
        return body.append(']').toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Without the JVM flag: the application's own guard ends the process. */
    @ParameterizedTest
    @ValueSource(strings = {"/test-faults/allocate", "/test-faults/allocate-in-thread"})
    void outOfMemoryEndsTheProcessForItsSupervisorToRestart(String path) throws Exception {
        int childPort;
        try (ServerSocket free = new ServerSocket(0)) {
            childPort = free.getLocalPort();
        }
        Path log = Files.createTempFile("cadre-oom-child-", ".log");
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        HikariDataSource pool = (HikariDataSource) dataSource;
        child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx160m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                "-cp", classpath, OutOfMemoryChild.class.getName(),
                "--server.port=" + childPort, "--spring.datasource.url=" + pool.getJdbcUrl(),
                "--spring.datasource.username=" + pool.getUsername(), "--spring.main.banner-mode=off",
                "--spring.security.user.name=ops", "--spring.security.user.password=" + PASSWORD,
                "--cadre.jobs.poll-interval=1h")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            awaitAnswer(childPort, Duration.ofSeconds(120), log);

            long asked = System.nanoTime();
            try {
                HttpRequest allocate = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + childPort + path))
                        .header("Authorization", BASIC).timeout(Duration.ofSeconds(60)).build();
                http.send(allocate, HttpResponse.BodyHandlers.ofString());
            } catch (IOException closed) {
                // the process ended under the request: the expected way for it to end
            }
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).as("the process exits, it does not stay up")
                    .isTrue();
            Duration exited = Duration.ofNanos(System.nanoTime() - asked);
            String output = Files.readString(log);
            assertThat(child.exitValue()).as(output).isEqualTo(FatalErrors.EXIT_CODE);
            assertThat(output).contains("Fatal OutOfMemoryError in").contains("halting the process");
            System.out.printf("Out of memory via %s: the child JVM exited with %d %d ms after the request%n", path,
                    child.exitValue(), exited.toMillis());
        } finally {
            child.destroyForcibly();
            Files.deleteIfExists(log);
        }
    }

    private void awaitAnswer(int childPort, Duration limit, Path log) {
        HttpRequest quick = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + childPort + "/test-faults/quick"))
                .header("Authorization", BASIC).timeout(Duration.ofSeconds(5)).build();
        Awaitility.await("the child's first answer").atMost(limit).pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    assertThat(child.isAlive()).as(() -> "the child started: " + read(log)).isTrue();
                    try {
                        return http.send(quick, HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
                    } catch (IOException notYet) {
                        return false; // still starting
                    }
                });
    }

    private static String read(Path log) {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return e.toString();
        }
    }

    private void block(int count) throws InterruptedException {
        int before = Blocking.ENTERED.availablePermits();
        for (int i = 0; i < count; i++) {
            blocked.add(http.sendAsync(request("/test-faults/block"), HttpResponse.BodyHandlers.ofString()));
        }
        assertThat(Blocking.ENTERED.tryAcquire(before + count, 20, TimeUnit.SECONDS)).isTrue();
        Blocking.ENTERED.release(before + count);
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(request(path), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Authorization", BASIC)
                .timeout(Duration.ofSeconds(30)).build();
    }

    /** Test only: a request that waits until the test lets it go, and one that answers at once. */
    @RestController
    static class Blocking {
        // static: the bean is a security proxy, whose own fields are not the target's
        static volatile CountDownLatch release = new CountDownLatch(1);
        static final Semaphore ENTERED = new Semaphore(0);
        static final java.util.concurrent.atomic.AtomicInteger ECHOED = new java.util.concurrent.atomic.AtomicInteger();

        @GetMapping("/test-faults/block")
        @PreAuthorize("permitAll()")
        String block() throws InterruptedException {
            ENTERED.release();
            release.await(60, TimeUnit.SECONDS);
            return "released";
        }

        @GetMapping("/test-faults/quick")
        @PreAuthorize("permitAll()")
        String quick() {
            return "ok";
        }

        @PostMapping("/api/test-faults/echo")
        @PreAuthorize("permitAll()")
        int echo(@RequestBody List<String> texts) {
            ECHOED.incrementAndGet();
            return texts.size();
        }
    }

    /**
     * The child JVM: the platform with an endpoint that allocates until the heap is gone, in the request's thread
     * or in a thread of its own (as Tomcat's acceptor did). Nested in the test class, so the other tests' contexts
     * never scan it; it scans the platform but not the test classes.
     */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    @ComponentScan(basePackages = "org.cadre.platform", excludeFilters = @ComponentScan.Filter(
            type = FilterType.REGEX, pattern = "org\\.cadre\\.platform\\..*(Tests|TestListeners)(\\$.*)?"))
    @Import({Allocating.class, Blocking.class})
    static class OutOfMemoryChild {
        public static void main(String[] args) {
            SpringApplication.run(OutOfMemoryChild.class, args);
        }
    }

    @RestController
    static class Allocating {
        @GetMapping("/test-faults/allocate")
        @PreAuthorize("permitAll()")
        int allocate() {
            return hog();
        }

        @GetMapping("/test-faults/allocate-in-thread")
        @PreAuthorize("permitAll()")
        ResponseEntity<Void> allocateInThread() {
            Thread thread = new Thread(Allocating::hog, "http-nio-acceptor-like");
            thread.start();
            return ResponseEntity.status(HttpStatus.ACCEPTED).build();
        }

        private static int hog() {
            List<long[]> held = new ArrayList<>();
            while (true) {
                held.add(new long[1_000_000]);
                if (held.size() == Integer.MAX_VALUE) {
                    return held.size();
                }
            }
        }
    }
}

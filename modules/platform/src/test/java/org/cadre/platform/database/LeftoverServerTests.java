package org.cadre.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The run command after the application was killed (SIGKILL, out of memory): its embedded PostgreSQL, a child process,
 * is still running on the data folder. The next start shuts it down and starts on the same data, with what was
 * committed before the kill; it used to wait a minute and fail. A folder whose application still runs is refused at
 * once. The application is a real second JVM, killed with SIGKILL.
 */
class LeftoverServerTests {

    @TempDir
    Path folder;

    private Process child;
    private EmbeddedServer server;

    @AfterEach
    void stop() throws Exception {
        if (child != null) {
            child.destroyForcibly().waitFor();
        }
        if (server != null) {
            server.close();
        }
        // whatever the outcome, no server may outlive the test on the temporary folder
        postgresOn(folder.resolve("pg")).ifPresent(p -> {
            p.destroy();
            p.onExit().join();
        });
    }

    @Test
    void aServerLeftByAKilledApplicationIsStoppedAndItsDataServedAgain() throws Exception {
        Path data = folder.resolve("pg");
        child = startChild(data);
        long childPid = child.pid();
        child.destroyForcibly(); // SIGKILL: no shutdown hook, no bean closed
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        Optional<ProcessHandle> leftover = postgresOn(data);
        assertThat(leftover).as("the killed application (%d) left its PostgreSQL running", childPid).isPresent();

        long started = System.nanoTime();
        server = EmbeddedServerStart.now(new EmbeddedDatabaseProperties(data, false, 0, "128MB")).server();
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(leftover.get().isAlive()).isFalse();
        assertThat(took).as("started again without waiting for the old server").isLessThan(Duration.ofSeconds(30));
        try (Connection connection = server.postgres().getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT note FROM written_before_the_kill")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("kept");
        }
    }

    @Test
    void aFolderInUseByARunningApplicationIsRefusedAtOnceWithTheReason() throws Exception {
        Path data = folder.resolve("pg");
        server = EmbeddedServerStart.now(new EmbeddedDatabaseProperties(data, false, 0, "128MB")).server();

        long started = System.nanoTime();
        assertThatThrownBy(() -> EmbeddedServerStart.now(new EmbeddedDatabaseProperties(data, false, 0, "128MB")))
                .hasMessageContaining("in use by another running Cadre")
                .hasMessageContaining(data.toString());
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        try (Connection connection = server.postgres().getPostgresDatabase().getConnection()) {
            assertThat(connection.isValid(5)).as("the running application's server is untouched").isTrue();
        }
    }

    private static Process startChild(Path data) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElseThrow());
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("-Xshare") || a.startsWith("-Dfile.encoding") || a.startsWith("-XX:Tiered"))
                .forEach(command::add);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), LeftoverServerChild.class.getName(),
                data.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        StringBuilder seen = new StringBuilder();
        String line;
        while (System.nanoTime() < deadline && (line = out.readLine()) != null) {
            seen.append(line).append('\n');
            if (line.startsWith("READY ")) {
                Thread drain = new Thread(() -> out.lines().forEach(l -> { }), "leftover-child-output");
                drain.setDaemon(true);
                drain.start();
                return process;
            }
        }
        process.destroyForcibly();
        throw new AssertionError("the child did not start its server:\n" + seen);
    }

    /** The postgres process serving {@code data}, from its pid file. */
    private static Optional<ProcessHandle> postgresOn(Path data) throws Exception {
        Path pidFile = data.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.endsWith("/postgres")).orElse(false));
    }
}

package org.cadre.platform.testing;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Another instance of the application for fault tests: a JVM of its own with this test's class path, on this
 * test's database (the data source's URL, tagged with an application name so that the test can see its connections
 * in {@code pg_stat_activity}), running a main class of the test's module. It is what production has when two
 * instances share a database, and what a test kills with SIGKILL ({@link #kill()}) to see what survives.
 *
 * <p>The main class should call {@link #dieWithParent()} first, so that no instance outlives a test run that was
 * itself killed.
 */
public final class SecondInstance implements AutoCloseable {

    private final Process process;
    private final Path output;
    private final String applicationName;

    private SecondInstance(Process process, Path output, String applicationName) {
        this.process = process;
        this.output = output;
        this.applicationName = applicationName;
    }

    /** Starts {@code main} with {@code arguments} in a new JVM on the data source's database. */
    public static SecondInstance start(DataSource dataSource, Class<?> main, String... arguments) throws IOException {
        String name = "cadre-second-" + UUID.randomUUID().toString().substring(0, 8);
        HikariDataSource hikari;
        try {
            hikari = dataSource.unwrap(HikariDataSource.class);
        } catch (SQLException e) {
            throw new IllegalStateException("The second instance needs the test's Hikari data source", e);
        }
        String url = hikari.getJdbcUrl();
        url += (url.contains("?") ? "&" : "?") + "ApplicationName=" + name;
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElseThrow());
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("-XX:") || a.startsWith("-Xshare") || a.startsWith("-Dfile.encoding"))
                .forEach(command::add);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(arguments));
        Path log = Files.createTempFile("cadre-second-instance", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("SPRING_DATASOURCE_URL", url);
        builder.environment().put("SPRING_DATASOURCE_USERNAME", String.valueOf(hikari.getUsername()));
        if (hikari.getPassword() != null) {
            builder.environment().put("SPRING_DATASOURCE_PASSWORD", hikari.getPassword());
        }
        return new SecondInstance(builder.start(), log, name);
    }

    /**
     * For the main class of a second instance: halt when the test's JVM ends, and after {@code limit} at most.
     */
    public static void dieWithParent(Duration limit) {
        ProcessHandle.current().parent().ifPresent(parent -> parent.onExit()
                .thenRun(() -> Runtime.getRuntime().halt(2)));
        CompletableFuture.delayedExecutor(limit.toMillis(), TimeUnit.MILLISECONDS)
                .execute(() -> Runtime.getRuntime().halt(3));
    }

    public Process process() {
        return process;
    }

    /** The prefix of the job runner's instance name in {@code jobs.job.instance} ({@code pid@host/...}). */
    public String jobInstancePrefix() {
        return process.pid() + "@";
    }

    public String applicationName() {
        return applicationName;
    }

    /** Whether its output has a line containing {@code text} (what its main class prints when it is ready). */
    public boolean printed(String text) {
        return output().contains(text);
    }

    /** Everything it has written to its standard output and error so far. */
    public String output() {
        return tail(Integer.MAX_VALUE);
    }

    /**
     * SIGKILL ({@code destroyForcibly} on Linux): no shutdown hook, no rollback by the application, sockets closed
     * by the kernel. Returns once the process is gone; throws unless it died of the signal.
     */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("The second instance did not die of SIGKILL within 30 s");
        }
        if (process.exitValue() != 128 + 9) {
            throw new AssertionError("The second instance ended with " + process.exitValue() + ", not SIGKILL; "
                    + "its output:\n" + tail(60));
        }
    }

    /** Its connections the database still has (a killed instance's go once the server notices). */
    public int connections(JdbcClient jdbc) {
        return jdbc.sql("SELECT count(*) FROM pg_stat_activity WHERE application_name = :name")
                .param("name", applicationName).query(Integer.class).single();
    }

    /** Whether one of its transactions has written something and is still open. */
    public boolean writing(JdbcClient jdbc) {
        return jdbc.sql("SELECT count(*) FROM pg_stat_activity WHERE application_name = :name"
                + " AND backend_xid IS NOT NULL").param("name", applicationName).query(Integer.class).single() > 0;
    }

    /** Whether one of its transactions has written something and now waits for a lock another one holds. */
    public boolean blockedWhileWriting(JdbcClient jdbc) {
        return jdbc.sql("SELECT count(*) FROM pg_stat_activity WHERE application_name = :name"
                + " AND backend_xid IS NOT NULL AND wait_event_type = 'Lock'").param("name", applicationName)
                .query(Integer.class).single() > 0;
    }

    /** Whether one of its statements waits for a lock another transaction holds. */
    public boolean waitingForALock(JdbcClient jdbc) {
        return jdbc.sql("SELECT count(*) FROM pg_stat_activity WHERE application_name = :name"
                + " AND wait_event_type = 'Lock'").param("name", applicationName).query(Integer.class).single() > 0;
    }

    /** The last lines of its output, for a failure's message. */
    public String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(output, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    /** Fails with its output when it has ended on its own. */
    public void requireAlive() {
        if (!process.isAlive()) {
            throw new AssertionError("The second instance ended (exit " + process.exitValue()
                    + ") before the test was done with it; its output:\n" + tail(80));
        }
    }

    @Override
    public void close() throws IOException {
        if (process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Files.deleteIfExists(output);
    }
}

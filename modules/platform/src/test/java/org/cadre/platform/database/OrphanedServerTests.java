package org.cadre.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded PostgreSQL is a child process: when the application ends without stopping it (halted on an
 * out-of-memory error, or killed), it keeps running and holds its data folder. A real child JVM starts the persistent
 * embedded server and halts; the server is still there; the next start on the same folder (any free port, as the
 * run command's default) stops it and starts its own, so a supervisor's restart succeeds.
 */
class OrphanedServerTests {

    @Test
    void theServerOfAHaltedProcessIsStoppedAndTheNextStartSucceeds(@TempDir Path parent) throws Exception {
        Path dir = parent.resolve("postgres");
        Path log = parent.resolve("owner.log");
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process owner = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp", classpath, HaltingOwner.class.getName(),
                dir.toString()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(owner.waitFor(120, TimeUnit.SECONDS)).as("the owner halts").isTrue();
        assertThat(owner.exitValue()).as(Files.readString(log)).isEqualTo(3);
        long orphan = Long.parseLong(Files.readAllLines(dir.resolve("postmaster.pid")).get(0).trim());
        try {
            assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive)).as("left running").contains(true);

            EmbeddedServerStart next = EmbeddedServerStart.now(new EmbeddedDatabaseProperties(dir, false, 0));
            try (Connection connection = next.server().postgres().getPostgresDatabase().getConnection();
                    ResultSet one = connection.createStatement().executeQuery("SELECT 1")) {
                assertThat(one.next()).isTrue();
            } finally {
                next.destroy();
            }
            assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive)).as("stopped").isNotEqualTo(
                    java.util.Optional.of(true));
        } finally {
            ProcessHandle.of(orphan).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    /** The child JVM: starts the persistent embedded server, then halts as the out-of-memory guard does. */
    static class HaltingOwner {
        public static void main(String[] args) {
            EmbeddedServerStart start = EmbeddedServerStart.now(new EmbeddedDatabaseProperties(Path.of(args[0]),
                    false, 0));
            System.out.println("Started on port " + start.server().postgres().getPort());
            Runtime.getRuntime().halt(3);
        }
    }
}

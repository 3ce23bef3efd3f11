package org.cadre.platform.database;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server left running on the embedded data folder by an application that died without closing it
 * (killed, out of memory, the machine's supervisor giving up on it). The server is a child process and outlives its
 * parent; the next start found the folder taken and waited a minute for nothing. Before starting, the folder's
 * {@code postmaster.pid} is read: a live {@code postgres} process on this folder whose owning application is gone
 * (zonky's {@code epg-lock} in the folder is free) is shut down cleanly, the way {@code pg_ctl stop -m fast} does,
 * and the start goes on; one whose application still runs is refused at once with a message saying so.
 */
final class LeftoverServer {

    private static final Logger log = LoggerFactory.getLogger(LeftoverServer.class);
    private static final Duration STOP_WAIT = Duration.ofSeconds(60);

    private LeftoverServer() {
    }

    /** Stops a server an earlier application left on {@code dataDirectory}; refuses when one still owns it. */
    static void stopIfLeft(Path dataDirectory) throws IOException {
        Optional<ProcessHandle> server = runningServer(dataDirectory);
        if (server.isEmpty()) {
            return; // no server, or a stale pid file PostgreSQL itself sees through
        }
        long pid = server.get().pid();
        if (ownedByRunningApplication(dataDirectory)) {
            throw new IOException("the folder " + dataDirectory + " is in use by another running Cadre (PostgreSQL "
                    + "process " + pid + "); stop that application first or give this one another "
                    + "cadre.embedded-database.data-directory");
        }
        log.warn("The embedded PostgreSQL of an earlier run (process {}) was still running on {}: the application "
                + "that started it stopped without closing it. Shutting it down before starting again.", pid,
                dataDirectory);
        stop(server.get(), dataDirectory);
    }

    private static Optional<ProcessHandle> runningServer(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        long pid;
        try {
            pid = Long.parseLong(lines.get(0).trim());
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        // the pid may have been reused since: it counts only if it is a postgres serving this very folder
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.endsWith("/postgres")).orElse(false))
                .filter(p -> p.info().arguments().map(List::of)
                        .map(args -> args.contains(dataDirectory.toString())).orElse(false));
    }

    /** Whether an application in this or another JVM still holds the folder's lock (zonky's {@code epg-lock}). */
    private static boolean ownedByRunningApplication(Path dataDirectory) throws IOException {
        Path lockFile = dataDirectory.resolve("epg-lock");
        if (!Files.exists(lockFile)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (OverlappingFileLockException inThisJvm) {
            return true;
        }
    }

    private static void stop(ProcessHandle server, Path dataDirectory) throws IOException {
        Path pgCtl = Path.of(server.info().command().orElseThrow()).resolveSibling("pg_ctl");
        boolean asked = false;
        if (Files.isExecutable(pgCtl)) {
            try {
                Process stop = new ProcessBuilder(pgCtl.toString(), "stop", "-D", dataDirectory.toString(), "-m",
                        "fast", "-w", "-t", String.valueOf(STOP_WAIT.toSeconds()))
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                asked = stop.waitFor(STOP_WAIT.toSeconds() + 5, TimeUnit.SECONDS) && stop.exitValue() == 0;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while stopping the earlier embedded PostgreSQL", e);
            }
        }
        if (!asked) {
            server.destroy(); // SIGTERM: PostgreSQL's smart shutdown, enough once its clients are gone
        }
        try {
            server.onExit().get(STOP_WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new IOException("the embedded PostgreSQL left by an earlier run (process " + server.pid()
                    + ") did not stop within " + STOP_WAIT.toSeconds() + " s; stop it by hand", e);
        } catch (ExecutionException e) {
            throw new IOException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while stopping the earlier embedded PostgreSQL", e);
        }
        log.info("The earlier embedded PostgreSQL (process {}) has stopped", server.pid());
    }
}

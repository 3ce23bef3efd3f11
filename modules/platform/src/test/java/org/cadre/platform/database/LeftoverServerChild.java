package org.cadre.platform.database;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.CountDownLatch;

/**
 * The application as far as its database goes, in a JVM of its own that {@link LeftoverServerTests} kills: it starts
 * the embedded PostgreSQL on the folder it is given, writes one row, says so and waits to be killed.
 */
public final class LeftoverServerChild {

    private LeftoverServerChild() {
    }

    public static void main(String[] args) throws Exception {
        EmbeddedServer server = EmbeddedServerStart.now(new EmbeddedDatabaseProperties(Path.of(args[0]), false, 0, "128MB"))
                .server();
        try (Connection connection = server.postgres().getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS written_before_the_kill (note text)");
            statement.execute("INSERT INTO written_before_the_kill VALUES ('kept')");
        }
        System.out.println("READY " + ProcessHandle.current().pid());
        System.out.flush();
        new CountDownLatch(1).await(); // until the test kills this process
    }
}

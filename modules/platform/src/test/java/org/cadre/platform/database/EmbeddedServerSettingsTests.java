package org.cadre.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * The embedded server's settings reach PostgreSQL, and one PostgreSQL would refuse is refused before it starts, naming
 * the setting (a refused {@code shared_buffers} would otherwise be a server that did not start, its reason in a log).
 */
class EmbeddedServerSettingsTests {

    @Test
    void theSharedBuffersGivenAreWhatTheServerRunsWith() throws Exception {
        try (EmbeddedServer server = EmbeddedServerStart.now(new EmbeddedDatabaseProperties(null, true, 0, "192MB"))
                .server();
                Connection connection = server.postgres().getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SHOW shared_buffers")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("192MB");
        }
    }

    @Test
    void aSizePostgresWouldRefuseIsRefusedWithTheSettingsName() {
        for (String bad : new String[] {"lots", "512 MB", "512mb", "-1GB", "0MB", "1TB", "", "512MB; fsync=off"}) {
            assertThatThrownBy(() -> new EmbeddedDatabaseProperties(null, true, 0, bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("cadre.embedded-database.shared-buffers")
                    .hasMessageContaining("'" + bad + "'");
        }
        assertThat(new EmbeddedDatabaseProperties(null, true, 0, "2GB").sharedBuffers()).isEqualTo("2GB");
    }
}

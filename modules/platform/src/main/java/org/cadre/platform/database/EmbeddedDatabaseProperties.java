package org.cadre.platform.database;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the embedded PostgreSQL that runs when no datasource URL is configured.
 *
 * @param dataDirectory where the run command keeps its data across restarts (default {@code ~/.cadre/postgres})
 * @param ephemeral     a throwaway instance in a temporary folder (the test suite sets this)
 * @param port          a fixed port, or 0 for any free one
 */
@ConfigurationProperties("cadre.embedded-database")
record EmbeddedDatabaseProperties(
        Path dataDirectory,
        @DefaultValue("false") boolean ephemeral,
        @DefaultValue("0") int port) {
}

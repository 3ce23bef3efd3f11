package org.cadre.platform.database;

import java.nio.file.Path;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the embedded PostgreSQL that runs when no datasource URL is configured.
 *
 * @param dataDirectory where the run command keeps its data across restarts (default {@code ~/.cadre/postgres})
 * @param ephemeral     a throwaway instance in a temporary folder (the test suite sets this)
 * @param port          a fixed port, or 0 for any free one
 * @param sharedBuffers PostgreSQL's {@code shared_buffers}: the pages it caches itself (its own default, 128 MB,
 *                      holds a bloc's facts ledger but not a province's, whose year-end run then reads through the
 *                      operating system's cache page by page)
 */
@ConfigurationProperties("cadre.embedded-database")
record EmbeddedDatabaseProperties(
        Path dataDirectory,
        @DefaultValue("false") boolean ephemeral,
        @DefaultValue("0") int port,
        @DefaultValue("512MB") String sharedBuffers) {

    private static final Pattern SIZE = Pattern.compile("[1-9][0-9]{0,6}(kB|MB|GB)");

    EmbeddedDatabaseProperties {
        // checked here: a value PostgreSQL refuses would only show as a server that did not start
        if (!SIZE.matcher(sharedBuffers).matches()) {
            throw new IllegalArgumentException("cadre.embedded-database.shared-buffers is '" + sharedBuffers
                    + "': give a size such as 512MB or 2GB (a number and kB, MB or GB, as PostgreSQL writes it)");
        }
    }
}

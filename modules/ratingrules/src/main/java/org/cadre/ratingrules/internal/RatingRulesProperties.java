package org.cadre.ratingrules.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code cadre.rating-rules.*}.
 *
 * @param folder          the folder of shipped packs; empty: {@code rules} in the working directory, else
 *                        {@code ../rules} (tests and {@code spring-boot:run -pl app} run in {@code app/})
 * @param loadOnStartup   load packs of the folder that are newer than the database's at start-up
 * @param refreshInterval how often an instance checks whether another one activated a pack
 * @param compiledCache   keep compiled packs in the database by checksum ({@code ratingrules.compiled_rules}), so
 *                        a start or an activation loads them without the Java compiler
 */
@ConfigurationProperties("cadre.rating-rules")
record RatingRulesProperties(String folder, Boolean loadOnStartup, Duration refreshInterval, Boolean compiledCache) {

    RatingRulesProperties {
        folder = folder == null ? "" : folder.trim();
        loadOnStartup = loadOnStartup == null || loadOnStartup;
        refreshInterval = refreshInterval == null ? Duration.ofSeconds(2) : refreshInterval;
        compiledCache = compiledCache == null || compiledCache;
    }
}

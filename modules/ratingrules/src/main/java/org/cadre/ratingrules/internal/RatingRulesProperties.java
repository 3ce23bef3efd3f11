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
 */
@ConfigurationProperties("cadre.rating-rules")
record RatingRulesProperties(String folder, Boolean loadOnStartup, Duration refreshInterval) {

    RatingRulesProperties {
        folder = folder == null ? "" : folder.trim();
        loadOnStartup = loadOnStartup == null || loadOnStartup;
        refreshInterval = refreshInterval == null ? Duration.ofSeconds(2) : refreshInterval;
    }
}

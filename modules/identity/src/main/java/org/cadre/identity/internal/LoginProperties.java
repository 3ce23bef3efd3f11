package org.cadre.identity.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sign-in protection.
 *
 * @param freeAttempts consecutive failures allowed before a user name is blocked
 * @param firstDelay   how long the first block lasts; each further failure doubles it
 * @param maxDelay     the longest block
 * @param adminPassword the first administrator's password (from {@code CADRE_ADMIN_PASSWORD}); generated and
 *                      printed once when empty
 */
@ConfigurationProperties("cadre.security.login")
record LoginProperties(
        @DefaultValue("5") int freeAttempts,
        @DefaultValue("30s") Duration firstDelay,
        @DefaultValue("15m") Duration maxDelay,
        String adminPassword) {
}

package org.cadre.identity.internal;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Sign-in protection.
 *
 * @param freeAttempts consecutive failures allowed before a user name is blocked
 * @param firstDelay   how long the first block lasts; each further failure doubles it
 * @param maxDelay     the longest block
 * @param adminPassword the first administrator's password (from {@code CADRE_ADMIN_PASSWORD}); generated and
 *                      printed once when empty
 * @param bcryptStrength the bcrypt cost of new password hashes (4 to 31; each step doubles the work of a hash and
 *                       of every sign-in check): 10 by default, the test suite uses 4
 */
@ConfigurationProperties("cadre.security.login")
@Validated
record LoginProperties(
        @DefaultValue("5") int freeAttempts,
        @DefaultValue("30s") Duration firstDelay,
        @DefaultValue("15m") Duration maxDelay,
        String adminPassword,
        @DefaultValue("10") @Min(4) @Max(31) int bcryptStrength) {
}

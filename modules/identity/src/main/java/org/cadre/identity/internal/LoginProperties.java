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
 * @param freeAttempts   consecutive failures of a user name from one address allowed before the name is blocked
 *                       there
 * @param firstDelay     how long the first block lasts; each further failure doubles it
 * @param maxDelay       the longest block
 * @param sourceAttempts failures from one address, whatever the user names, within {@code sourceWindow} that block
 *                       the address
 * @param sourceWindow   the window those failures are counted in
 * @param sourceBlock    how long a blocked address waits
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
        @DefaultValue("30") @Min(1) int sourceAttempts,
        @DefaultValue("15m") Duration sourceWindow,
        @DefaultValue("15m") Duration sourceBlock,
        String adminPassword,
        @DefaultValue("10") @Min(4) @Max(31) int bcryptStrength) {
}

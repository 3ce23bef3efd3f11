package org.cadre.platform.config;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.validation.autoconfigure.ValidationConfigurationCustomizer;
import org.springframework.context.annotation.Bean;

/**
 * The one source of "now" for every module: dates of changes, deadlines, cycles and appeal windows are read from
 * this clock, never from {@code now()}, so tests can move time. The committee's day is Vietnam's day whatever the
 * server's time zone ({@code cadre.time-zone}, default {@code Asia/Ho_Chi_Minh}): a change entered at 06:30 in Hà
 * Nội on 1 January belongs to the new year even on a server that runs on UTC.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration")
public class TimeConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock(@Value("${cadre.time-zone:Asia/Ho_Chi_Minh}") ZoneId zone) {
        return Clock.system(zone);
    }

    /** {@code @Past} and {@code @PastOrPresent} on commands read the same clock (looked up per check). */
    @Bean
    ValidationConfigurationCustomizer validationClock(ObjectProvider<Clock> clock) {
        return configuration -> configuration.clockProvider(clock::getObject);
    }
}

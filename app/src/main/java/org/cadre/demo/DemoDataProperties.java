package org.cadre.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Demo data on the first start.
 *
 * @param enabled generate when the organization tree is empty; when not set, only on the embedded database (the
 *                newcomer's run command), never on a configured server, where it would put fake members and demo
 *                logins into a real installation
 * @param seed    the seed every generated row follows from; the same seed gives the same data
 * @param logins  create one demo login per role, with generated passwords printed once
 */
@ConfigurationProperties("cadre.demo-data")
record DemoDataProperties(Boolean enabled, @DefaultValue("2017") long seed,
        @DefaultValue("true") boolean logins) {
}

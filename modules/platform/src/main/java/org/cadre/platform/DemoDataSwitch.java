package org.cadre.platform;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Whether the demo bloc and each module's demo year are generated, and from which seed: one rule for every
 * module's demo runner. {@code cadre.demo-data.enabled} when set; otherwise only on the embedded database (the
 * newcomer's run command), never on a configured server, where it would put fake members into a real installation.
 * {@code cadre.demo-data.seed} (2017) makes every generated row reproducible. The app's demo bloc reads the same
 * properties through its own configuration properties ({@code DemoData.enabled}, the same rule).
 */
@Component
public class DemoDataSwitch {

    private final boolean enabled;
    private final long seed;

    public DemoDataSwitch(Environment environment) {
        String explicit = environment.getProperty("cadre.demo-data.enabled");
        // blank counts as unset: the app's properties pass ${CADRE_DEMO_DATA:} through, empty when the variable is
        this.enabled = StringUtils.hasText(explicit) ? Boolean.parseBoolean(explicit.trim())
                : !StringUtils.hasText(environment.getProperty("spring.datasource.url"));
        this.seed = environment.getProperty("cadre.demo-data.seed", Long.class, 2017L);
    }

    public boolean enabled() {
        return enabled;
    }

    public long seed() {
        return seed;
    }
}

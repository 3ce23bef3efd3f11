package org.cadre.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.cadre.platform.DemoDataSwitch;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** Demo data never lands in a real installation by default: only the embedded database gets it unasked. */
class DemoDataSwitchTests {

    static final MockEnvironment EMBEDDED = new MockEnvironment();
    static final MockEnvironment SERVER = new MockEnvironment()
            .withProperty("spring.datasource.url", "jdbc:postgresql://db.example:5432/cadre");

    @Test
    void unsetItRunsOnTheEmbeddedDatabaseOnly() {
        DemoDataProperties unset = new DemoDataProperties(null, 2017, true);
        assertThat(DemoData.enabled(unset, EMBEDDED)).isTrue();
        assertThat(DemoData.enabled(unset, SERVER)).isFalse();
    }

    @Test
    void theModulesDemoYearsFollowTheSameRuleWhenTheVariableIsUnset() {
        // application.properties passes ${CADRE_DEMO_DATA:} through: unset, the property is there and blank
        MockEnvironment embedded = new MockEnvironment().withProperty("cadre.demo-data.enabled", "");
        MockEnvironment server = new MockEnvironment().withProperty("cadre.demo-data.enabled", "")
                .withProperty("spring.datasource.url", "jdbc:postgresql://db.example:5432/cadre");
        assertThat(new DemoDataSwitch(embedded).enabled()).isTrue();
        assertThat(new DemoDataSwitch(server).enabled()).isFalse();
        assertThat(new DemoDataSwitch(server.withProperty("cadre.demo-data.enabled", "true")).enabled()).isTrue();
        assertThat(new DemoDataSwitch(embedded.withProperty("cadre.demo-data.enabled", " false ")).enabled())
                .isFalse();
    }

    @Test
    void anExplicitChoiceWinsEitherWay() {
        assertThat(DemoData.enabled(new DemoDataProperties(true, 2017, true), SERVER)).isTrue();
        assertThat(DemoData.enabled(new DemoDataProperties(false, 2017, true), EMBEDDED)).isFalse();
    }
}

package org.cadre.platform;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jmolecules.event.types.DomainEvent;
import org.springframework.modulith.events.ApplicationModuleListener;

/**
 * A listener of the platform's tests that fails while told to, as one whose table is missing would; imported by
 * {@link PlatformModuleTest}.
 */
class TestListeners {

    static final String ID = "platform.test-something-happened";
    static volatile boolean failing;
    static final Set<String> handled = ConcurrentHashMap.newKeySet();

    record SomethingHappened(String marker) implements DomainEvent {
    }

    @ApplicationModuleListener(id = ID)
    void on(SomethingHappened event) {
        if (failing) {
            throw new IllegalStateException("the projection's table is missing");
        }
        handled.add(event.marker());
    }
}

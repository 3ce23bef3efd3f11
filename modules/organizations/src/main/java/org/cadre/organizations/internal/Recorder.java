package org.cadre.organizations.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import org.cadre.platform.Caller;
import org.cadre.platform.CurrentCaller;
import org.springframework.stereotype.Component;

/**
 * Who records an entry of the history, and when: the user of the request being served ({@code null} for work
 * without one, the demo data and the bulk load), at the clock's time. Kept beside each period so that the person
 * who recorded it can cancel it. The facades keep their signatures: every caller of a change is stamped the same
 * way, whichever page, API or module made it.
 */
@Component
class Recorder {

    private final CurrentCaller caller;
    private final Clock clock;

    Recorder(CurrentCaller caller, Clock clock) {
        this.caller = caller;
        this.clock = clock;
    }

    String who() {
        Caller current = caller.get();
        return current == null || current.isAnonymous() ? null : current.username();
    }

    OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}

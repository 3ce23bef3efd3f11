package org.cadre.platform.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The clock of a module's tests: the real time plus an offset a test may move forward, so a block that lasts
 * minutes, a deadline or a stale heartbeat is reached without waiting. Shares the committee's time zone.
 */
public final class MutableClock extends Clock {

    private final ZoneId zone;
    private final AtomicReference<Duration> offset;

    public MutableClock() {
        this(ZoneId.of("Asia/Ho_Chi_Minh"), new AtomicReference<>(Duration.ZERO));
    }

    private MutableClock(ZoneId zone, AtomicReference<Duration> offset) {
        this.zone = zone;
        this.offset = offset;
    }

    /** Moves time forward (or back, with a negative duration) for everything that reads this clock. */
    public void advance(Duration by) {
        offset.accumulateAndGet(by, Duration::plus);
    }

    /** Back to the real time. */
    public void reset() {
        offset.set(Duration.ZERO);
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return new MutableClock(other, offset);
    }

    @Override
    public Instant instant() {
        return Clock.systemUTC().instant().plus(offset.get());
    }
}

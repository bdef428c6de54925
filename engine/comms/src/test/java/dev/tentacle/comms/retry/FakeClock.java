package dev.tentacle.comms.retry;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/** A clock that moves only when a test (or a {@link RecordingSleeper}) moves it. */
final class FakeClock implements InstantSource {

    static final Instant START = Instant.parse("2025-01-01T00:00:00Z");

    private Instant now = START;

    @Override
    public Instant instant() {
        return now;
    }

    void advance(Duration duration) {
        now = now.plus(duration);
    }

    /** Time since {@link #START}. */
    Duration elapsed() {
        return Duration.between(START, now);
    }
}

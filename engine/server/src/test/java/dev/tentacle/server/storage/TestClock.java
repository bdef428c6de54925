package dev.tentacle.server.storage;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicReference;

/** A clock tests move by hand. It starts with nanoseconds, which storage must keep only to the microsecond. */
final class TestClock implements InstantSource {

    static final Instant START = Instant.parse("2025-03-01T10:15:30.123456789Z");

    private final AtomicReference<Instant> now = new AtomicReference<>(START);

    @Override
    public Instant instant() {
        return now.get();
    }

    Instant advance(Duration duration) {
        return now.updateAndGet(current -> current.plus(duration));
    }
}

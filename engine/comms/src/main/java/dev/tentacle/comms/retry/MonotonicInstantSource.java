package dev.tentacle.comms.retry;

import java.time.Instant;
import java.time.InstantSource;

/**
 * An {@link InstantSource} driven by {@link System#nanoTime()}: its instants mean nothing as wall-clock time, but
 * differences between them are immune to the system clock being stepped (NTP, a user changing the time), so a retry
 * budget neither vanishes nor stretches when the wall clock jumps.
 */
final class MonotonicInstantSource implements InstantSource {

    private final long originNanos = System.nanoTime();

    @Override
    public Instant instant() {
        return Instant.EPOCH.plusNanos(System.nanoTime() - originNanos);
    }
}

package dev.tentacle.tentacle.resilience;

import dev.tentacle.comms.CommsException;
import dev.tentacle.comms.retry.RetryListener;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts what the retry policy did. */
final class RecordingRetryListener implements RetryListener {
    private final AtomicInteger failedAttempts = new AtomicInteger();
    private final AtomicInteger recovered = new AtomicInteger();
    private final ConcurrentLinkedQueue<RuntimeException> gaveUp = new ConcurrentLinkedQueue<>();

    @Override
    public void attemptFailed(String description, int attemptNumber, CommsException failure, Duration nextDelay) {
        failedAttempts.incrementAndGet();
    }

    @Override
    public void gaveUp(String description, int attempts, Duration elapsed, RuntimeException failure) {
        gaveUp.add(failure);
    }

    @Override
    public void succeededAfterRetry(String description, int attempts, Duration elapsed) {
        recovered.incrementAndGet();
    }

    int failedAttempts() {
        return failedAttempts.get();
    }

    int recovered() {
        return recovered.get();
    }

    List<RuntimeException> gaveUp() {
        return List.copyOf(gaveUp);
    }
}

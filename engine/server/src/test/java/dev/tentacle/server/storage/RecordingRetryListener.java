package dev.tentacle.server.storage;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Remembers what a {@link StorageRetry} reported, as short strings such as {@code "waiting 1 1000ms"}. */
final class RecordingRetryListener implements StorageRetryListener {

    final List<String> events = new CopyOnWriteArrayList<>();
    final List<StorageUnavailableException> failures = new CopyOnWriteArrayList<>();

    @Override
    public void waiting(String description, int failedAttempts, Duration wait, StorageUnavailableException failure) {
        events.add("waiting " + failedAttempts + " " + wait.toMillis() + "ms");
        failures.add(failure);
    }

    @Override
    public void recovered(String description, int failedAttempts) {
        events.add("recovered " + failedAttempts);
    }

    @Override
    public void gaveUp(String description, int failedAttempts, StorageUnavailableException failure) {
        events.add("gave up " + failedAttempts);
    }
}

package dev.tentacle.server.storage;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What {@link StorageRetry} reports while the database is down; every method does nothing unless overridden. */
public interface StorageRetryListener {

    /**
     * An attempt failed because the database is unavailable, and the retry waits before the next.
     *
     * @param failedAttempts how many attempts have failed so far
     */
    default void waiting(String description, int failedAttempts, Duration wait, StorageUnavailableException failure) {
    }

    /** An attempt succeeded after {@code failedAttempts} failures; not called when the first attempt succeeds. */
    default void recovered(String description, int failedAttempts) {
    }

    /** The time budget ran out; the caller gets the exception that follows. */
    default void gaveUp(String description, int failedAttempts, StorageUnavailableException failure) {
    }

    static StorageRetryListener none() {
        return new StorageRetryListener() { };
    }

    /** Logs each wait and the outcome: a warning per failed attempt, an error when giving up. */
    static StorageRetryListener logging() {
        return new LoggingStorageRetryListener();
    }

    /** The listener behind {@link #logging()}. */
    final class LoggingStorageRetryListener implements StorageRetryListener {
        private static final Logger LOG = LoggerFactory.getLogger(StorageRetry.class);

        private LoggingStorageRetryListener() {
        }

        @Override
        public void waiting(String description, int failedAttempts, Duration wait, StorageUnavailableException failure) {
            LOG.warn("{} failed (attempt {}); trying again in {} ms. {}", description, failedAttempts, wait.toMillis(),
                    failure.getMessage());
        }

        @Override
        public void recovered(String description, int failedAttempts) {
            LOG.info("{} succeeded after {} failed attempt(s): the database is available again", description,
                    failedAttempts);
        }

        @Override
        public void gaveUp(String description, int failedAttempts, StorageUnavailableException failure) {
            LOG.error("{} gave up after {} failed attempt(s). {}", description, failedAttempts, failure.getMessage());
        }
    }
}

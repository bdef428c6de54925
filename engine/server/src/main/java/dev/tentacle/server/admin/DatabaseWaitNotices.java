package dev.tentacle.server.admin;

import dev.tentacle.server.storage.StorageRetryListener;
import dev.tentacle.server.storage.StorageUnavailableException;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Tells the person watching that the server, a command or the Server Manager waits for its database, and when it is
 * back: library logging is off on the command line and invisible in the app, so the storage's own log would say
 * nothing.
 */
public final class DatabaseWaitNotices implements StorageRetryListener {
    private final Consumer<String> notices;

    public DatabaseWaitNotices(Consumer<String> notices) {
        this.notices = Objects.requireNonNull(notices, "notices");
    }

    @Override
    public void waiting(String description, int failedAttempts, Duration wait, StorageUnavailableException failure) {
        notices.accept("Waiting for the database (attempt " + failedAttempts + " failed; trying again in "
                + seconds(wait) + "): " + failure.getMessage());
    }

    @Override
    public void recovered(String description, int failedAttempts) {
        notices.accept("The database is available after " + failedAttempts + " failed attempt(s).");
    }

    private static String seconds(Duration wait) {
        long millis = wait.toMillis();
        return millis < 1000 ? millis + " ms" : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}

package dev.tentacle.server.cli;

import dev.tentacle.server.storage.StorageRetryListener;
import dev.tentacle.server.storage.StorageUnavailableException;
import java.io.PrintWriter;
import java.time.Duration;

/**
 * Tells the person watching {@code octopus-server run} on standard error that the server waits for its database, and
 * when it is back: library logging is off on the command line, so the storage's own log would say nothing.
 */
final class StorageWaitReport implements StorageRetryListener {
    private final PrintWriter err;

    StorageWaitReport(PrintWriter err) {
        this.err = err;
    }

    @Override
    public void waiting(String description, int failedAttempts, Duration wait, StorageUnavailableException failure) {
        err.println("Waiting for the database (attempt " + failedAttempts + " failed; trying again in "
                + seconds(wait) + "): " + failure.getMessage());
        err.flush();
    }

    @Override
    public void recovered(String description, int failedAttempts) {
        err.println("The database is available after " + failedAttempts + " failed attempt(s).");
        err.flush();
    }

    private static String seconds(Duration wait) {
        long millis = wait.toMillis();
        return millis < 1000 ? millis + " ms" : String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}

package dev.tentacle.server.cli;

import java.time.Duration;
import picocli.CommandLine.Option;

/** {@code --timeout SECONDS}: how long a task command waits before it cancels the task. */
final class TaskTimeout {
    static final long LONGEST_SECONDS = Duration.ofDays(7).toSeconds();

    @Option(names = "--timeout", paramLabel = "SECONDS",
            description = "Cancel the task if it has not ended after this many seconds (default: wait until it ends).")
    Long seconds;

    /** The timeout, or null for none. */
    Duration duration() {
        if (seconds == null) {
            return null;
        }
        if (seconds < 1 || seconds > LONGEST_SECONDS) {
            throw new IllegalArgumentException("--timeout must be between 1 and " + LONGEST_SECONDS + " seconds, was "
                    + seconds + ".");
        }
        return Duration.ofSeconds(seconds);
    }
}

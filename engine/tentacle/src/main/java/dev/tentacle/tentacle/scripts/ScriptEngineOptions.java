package dev.tentacle.tentacle.scripts;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings of a {@link ScriptEngine}.
 *
 * @param cancelGracePeriod how long a cancelled script's processes get to stop after SIGTERM before they are killed
 * @param outputDrainTimeout how long to keep reading output after the script's process exited; a background process
 *     that inherited the output keeps it open, and its later output is not collected
 * @param completedRetention how long a completed ticket is remembered after {@code completeScript}, so that a
 *     retried complete or start answers as before instead of running the script again
 * @param maxLogLinesPerResponse the most log lines in one status answer
 * @param mutexDirectory where isolation mutex lock files live; null for {@code WORK_DIRECTORY/.mutexes}. Agents that
 *     must exclude each other use the same directory.
 */
public record ScriptEngineOptions(Duration cancelGracePeriod, Duration outputDrainTimeout, Duration completedRetention,
        int maxLogLinesPerResponse, Path mutexDirectory) {

    public ScriptEngineOptions {
        requirePositive(cancelGracePeriod, "cancelGracePeriod");
        requirePositive(outputDrainTimeout, "outputDrainTimeout");
        requirePositive(completedRetention, "completedRetention");
        if (maxLogLinesPerResponse < 1) {
            throw new IllegalArgumentException("maxLogLinesPerResponse must be at least 1; got " + maxLogLinesPerResponse + ".");
        }
    }

    /** 10 s cancel grace, 5 s output drain, completed tickets remembered for a day, 1000 log lines per answer. */
    public static ScriptEngineOptions defaults() {
        return new ScriptEngineOptions(Duration.ofSeconds(10), Duration.ofSeconds(5), Duration.ofDays(1), 1000, null);
    }

    public ScriptEngineOptions withCancelGracePeriod(Duration value) {
        return new ScriptEngineOptions(value, outputDrainTimeout, completedRetention, maxLogLinesPerResponse, mutexDirectory);
    }

    public ScriptEngineOptions withOutputDrainTimeout(Duration value) {
        return new ScriptEngineOptions(cancelGracePeriod, value, completedRetention, maxLogLinesPerResponse, mutexDirectory);
    }

    public ScriptEngineOptions withCompletedRetention(Duration value) {
        return new ScriptEngineOptions(cancelGracePeriod, outputDrainTimeout, value, maxLogLinesPerResponse, mutexDirectory);
    }

    public ScriptEngineOptions withMaxLogLinesPerResponse(int value) {
        return new ScriptEngineOptions(cancelGracePeriod, outputDrainTimeout, completedRetention, value, mutexDirectory);
    }

    public ScriptEngineOptions withMutexDirectory(Path value) {
        return new ScriptEngineOptions(cancelGracePeriod, outputDrainTimeout, completedRetention, maxLogLinesPerResponse, value);
    }

    private static void requirePositive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration; got " + value + ".");
        }
    }
}

package dev.tentacle.desktop.fx;

import java.time.Duration;
import java.util.Objects;

/**
 * A screen's periodic refresh that can be started, restarted and stopped: at most one task runs at a time, every
 * {@link #interval()}, on the {@link Repeating} thread. Call it on the JavaFX thread.
 */
public final class Poller {
    private final Repeating repeating;
    private final Duration interval;
    private Repeating.Handle handle;

    public Poller(Repeating repeating, Duration interval) {
        this.repeating = Objects.requireNonNull(repeating, "repeating");
        this.interval = Objects.requireNonNull(interval, "interval");
    }

    public Duration interval() {
        return interval;
    }

    /** Runs {@code task} now and then every interval, instead of the task it ran before; {@link #stop()} ends it. */
    public void start(Runnable task) {
        Objects.requireNonNull(task, "task");
        stop();
        handle = repeating.every(interval, task);
    }

    public void stop() {
        if (handle != null) {
            handle.close();
            handle = null;
        }
    }

    public boolean isRunning() {
        return handle != null;
    }
}

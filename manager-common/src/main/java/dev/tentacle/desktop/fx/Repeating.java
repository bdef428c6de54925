package dev.tentacle.desktop.fx;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs small tasks again and again (polling a service's status, following a log file) on one daemon thread, never on
 * the UI thread. Each task should be quick; a slow one delays the others.
 */
public final class Repeating implements AutoCloseable {
    private final ScheduledExecutorService scheduler;

    public Repeating() {
        this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "tentacle-manager-polling");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Runs {@code task} now and then every {@code interval} until the returned handle is closed. */
    public AutoCloseable every(Duration interval, Runnable task) {
        ScheduledFuture<?> future = scheduler.scheduleWithFixedDelay(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                // A failed poll must not end the polling; the task reports its own failures.
            }
        }, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        return () -> future.cancel(false);
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}

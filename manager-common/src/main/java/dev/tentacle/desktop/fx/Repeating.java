package dev.tentacle.desktop.fx;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.stage.Window;
import javafx.stage.WindowEvent;

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

    /** Ends a repeated task; closing it again does nothing. */
    public interface Handle extends AutoCloseable {
        /** Cancels the task; a run already started finishes. */
        @Override
        void close();
    }

    /** Runs {@code task} now and then every {@code interval} until the returned handle is closed. */
    public Handle every(Duration interval, Runnable task) {
        ScheduledFuture<?> future = scheduler.scheduleWithFixedDelay(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                // A failed poll must not end the polling; the task reports its own failures.
            }
        }, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        return () -> future.cancel(false);
    }

    /**
     * Runs {@code onUiThread} on the JavaFX thread now and then every {@code interval} until the window is hidden, e.g.
     * to follow a log while its window is open.
     */
    public Handle whileShown(Window window, Duration interval, Runnable onUiThread) {
        Handle handle = every(interval, () -> Platform.runLater(onUiThread));
        window.addEventHandler(WindowEvent.WINDOW_HIDDEN, event -> handle.close());
        return handle;
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}

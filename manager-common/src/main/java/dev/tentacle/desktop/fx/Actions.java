package dev.tentacle.desktop.fx;

import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Runs a screen's work as {@link BackgroundJob}s: actions the user started are tracked (the screen is busy and says
 * what runs while any is running) and their failures are reported to the failure handler, which the view shows in a
 * dialog; background reads are neither.
 */
public final class Actions {
    private final Executor background;
    private final UiThread ui;
    private final ReadOnlyIntegerWrapper running = new ReadOnlyIntegerWrapper(this, "running", 0);
    private final ReadOnlyStringWrapper activity = new ReadOnlyStringWrapper(this, "activity", "");
    private final BooleanBinding busy = running.greaterThan(0);
    private Consumer<Failure> failureHandler = failure -> { };
    private Failure lastFailure;

    public Actions(Executor background, UiThread ui) {
        this.background = Objects.requireNonNull(background, "background");
        this.ui = Objects.requireNonNull(ui, "ui");
    }

    /** True while an action runs. */
    public BooleanBinding busyProperty() {
        return busy;
    }

    /** What runs now ("Restarting the service…"); empty when nothing does. */
    public ReadOnlyStringProperty activityProperty() {
        return activity.getReadOnlyProperty();
    }

    public void setFailureHandler(Consumer<Failure> handler) {
        this.failureHandler = Objects.requireNonNull(handler, "handler");
    }

    /** The last failure reported; null when none. */
    public Failure lastFailure() {
        return lastFailure;
    }

    public void report(Failure failure) {
        lastFailure = failure;
        failureHandler.accept(failure);
    }

    /**
     * Runs an action the user started.
     *
     * @param step what it does, for the status bar
     * @param failureTitle the failure dialog's header, e.g. "Could not start the service"
     * @param done called on the UI thread with the result
     * @param afterFailure called on the UI thread after the failure was reported
     */
    public <T> BackgroundJob<T> run(String step, String failureTitle, Work<T> work, Consumer<T> done,
            Runnable afterFailure) {
        running.set(running.get() + 1);
        activity.set(step + "…");
        return BackgroundJob.start(background, ui, work, result -> {
            finish();
            done.accept(result);
        }, failure -> {
            finish();
            report(Failure.of(failureTitle, failure));
            afterFailure.run();
        });
    }

    /** Reads something in the background without making the screen busy; the caller handles failures. */
    public <T> BackgroundJob<T> read(Callable<T> work, Consumer<T> done, Consumer<Throwable> failed) {
        return BackgroundJob.start(background, ui, progress -> work.call(), done, failed);
    }

    private void finish() {
        running.set(running.get() - 1);
        if (running.get() == 0) {
            activity.set("");
        }
    }
}

package dev.tentacle.desktop.fx;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * One piece of long work running off the UI thread, with observable progress: the current step, the output lines,
 * whether it runs, and a cancel request. Results and failures are delivered on the {@link UiThread}. JavaFX
 * properties work without a running toolkit, so ViewModels using this are testable with {@link UiThread#direct()}.
 */
public final class BackgroundJob<T> {
    private final ReadOnlyStringWrapper step = new ReadOnlyStringWrapper(this, "step", "");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running", false);
    private final ObservableList<String> output = FXCollections.observableArrayList();
    /** One read-only view, kept: listeners on a fresh wrapper die with it. */
    private final ObservableList<String> readOnlyOutput = FXCollections.unmodifiableObservableList(output);
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final List<String> steps = new CopyOnWriteArrayList<>();
    private final UiThread ui;

    private BackgroundJob(UiThread ui) {
        this.ui = ui;
    }

    /**
     * Starts {@code work} on {@code background}; calls exactly one of {@code onSuccess} or {@code onFailure} on the UI
     * thread when it ends. A cancelled job that ends by throwing reports the failure as well, so the caller can roll
     * back.
     */
    public static <T> BackgroundJob<T> start(Executor background, UiThread ui, Work<T> work, Consumer<T> onSuccess,
            Consumer<Throwable> onFailure) {
        Objects.requireNonNull(work, "work");
        BackgroundJob<T> job = new BackgroundJob<>(ui);
        job.running.set(true);
        background.execute(() -> {
            try {
                T result = work.run(job.progress());
                ui.run(() -> {
                    job.running.set(false);
                    onSuccess.accept(result);
                });
            } catch (Throwable failure) {
                ui.run(() -> {
                    job.running.set(false);
                    onFailure.accept(failure);
                });
            }
        });
        return job;
    }

    private Progress progress() {
        return new Progress() {
            @Override
            public void step(String description) {
                steps.add(description);
                ui.run(() -> {
                    step.set(description);
                    output.add("» " + description);
                });
            }

            @Override
            public void output(String line) {
                ui.run(() -> output.add(line));
            }

            @Override
            public boolean isCancelled() {
                return cancelled.get();
            }
        };
    }

    /** Asks the work to stop at its next check. */
    public void cancel() {
        cancelled.set(true);
    }

    public boolean isCancelRequested() {
        return cancelled.get();
    }

    public ReadOnlyStringProperty stepProperty() {
        return step.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** The steps and output lines, in order, for a details view. */
    public ObservableList<String> output() {
        return readOnlyOutput;
    }

    /** Every step begun so far, readable from any thread. */
    public List<String> steps() {
        return List.copyOf(steps);
    }
}

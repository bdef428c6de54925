package dev.tentacle.servermanager.machines;

import dev.tentacle.desktop.fx.Failure;
import dev.tentacle.server.storage.Storage;
import dev.tentacle.server.storage.tasks.Task;
import dev.tentacle.server.storage.tasks.TaskLogLine;
import dev.tentacle.server.storage.tasks.TaskLogPage;
import dev.tentacle.servermanager.ServerManagerContext;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * A server task's log as stored: every line in order, read page by page after the last one seen, and followed while
 * the task runs. {@link #poll()} reads what is new (the view calls it on a timer until {@link #finishedProperty()}).
 */
public final class TaskLogViewModel {
    static final int PAGE = 1000;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private final ServerManagerContext context;
    private final Supplier<Storage> storage;
    private final Task task;
    private final ObservableList<String> lines = FXCollections.observableArrayList();
    /** Held, not made anew per call: listeners of a read-only view live as long as the view. */
    private final ObservableList<String> linesView = FXCollections.unmodifiableObservableList(lines);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "Reading the log…");
    private final ReadOnlyBooleanWrapper finished = new ReadOnlyBooleanWrapper(this, "finished", false);
    private final AtomicBoolean inFlight = new AtomicBoolean();
    private long after;

    TaskLogViewModel(ServerManagerContext context, Supplier<Storage> storage, Task task) {
        this.context = Objects.requireNonNull(context, "context");
        this.storage = Objects.requireNonNull(storage, "storage");
        this.task = Objects.requireNonNull(task, "task");
    }

    public String title() {
        return "Log of " + task.id() + ": " + task.description();
    }

    /** The lines so far: {@code 10:02:03 [server] web01: HEALTHY in 12 ms}. */
    public ObservableList<String> lines() {
        return linesView;
    }

    /** The task's state, or why the log cannot be read. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** True once the task has finished and its whole log was read: there is nothing more to follow. */
    public ReadOnlyBooleanProperty finishedProperty() {
        return finished.getReadOnlyProperty();
    }

    /** Reads the lines appended since the last read, unless a read is running or the log was read to its end. */
    public void poll() {
        if (finished.get() || !inFlight.compareAndSet(false, true)) {
            return;
        }
        long from = after;
        context.background().execute(() -> {
            try {
                Storage source = storage.get();
                // The state first: a task seen finished has written its whole log, so reading after it misses nothing.
                Task now = source.tasks().get(task.id()).orElse(task);
                List<TaskLogLine> read = new ArrayList<>();
                long next = from;
                TaskLogPage page;
                do {
                    page = source.taskLogs().read(task.id(), next, PAGE);
                    read.addAll(page.lines());
                    next = page.nextAfterSequence();
                } while (page.more());
                long last = next;
                context.ui().run(() -> {
                    inFlight.set(false);
                    after = last;
                    read.forEach(line -> lines.add(format(line)));
                    status.set(describe(now));
                    finished.set(now.state().isFinished());
                });
            } catch (RuntimeException e) {
                context.ui().run(() -> {
                    inFlight.set(false);
                    status.set("The log cannot be read: " + Failure.of("", e).message());
                });
            }
        });
    }

    private static String describe(Task task) {
        String state = task.state().name().toLowerCase(Locale.ROOT);
        return task.id() + " " + state + (task.failureReason() == null ? "" : ": " + task.failureReason());
    }

    static String format(TaskLogLine line) {
        return TIME.format(line.time()) + " [" + line.source().name().toLowerCase(Locale.ROOT) + "] " + line.text();
    }
}

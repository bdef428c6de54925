package dev.tentacle.servermanager.scripts;

import dev.tentacle.server.storage.machines.MachineId;
import dev.tentacle.server.storage.tasks.TaskState;
import dev.tentacle.server.storage.tasks.TaskTarget;
import java.util.Objects;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * One machine's part of a script run, as it goes: its output lines, its state (queued, running, then how it ended)
 * and its exit code. Changed on the UI thread only.
 */
public final class MachineRun {
    /** Lines kept per machine; the oldest go first, so a chatty script cannot exhaust the app's memory. */
    public static final int MAX_LINES = 20_000;

    private final MachineId machineId;
    private final String name;
    private final ObservableList<OutputLine> output = FXCollections.observableArrayList();
    /** One read-only view, kept: listeners on a fresh wrapper die with it. */
    private final ObservableList<OutputLine> readOnlyOutput = FXCollections.unmodifiableObservableList(output);
    private final ReadOnlyObjectWrapper<TaskState> state = new ReadOnlyObjectWrapper<>(this, "state", TaskState.QUEUED);
    private final ReadOnlyObjectWrapper<Integer> exitCode = new ReadOnlyObjectWrapper<>(this, "exitCode");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "Queued");
    private long dropped;

    MachineRun(MachineId machineId, String name) {
        this.machineId = Objects.requireNonNull(machineId, "machineId");
        this.name = Objects.requireNonNull(name, "name");
    }

    void append(OutputLine line) {
        if (state.get() == TaskState.QUEUED) {
            state.set(TaskState.RUNNING);
            status.set("Running");
        }
        if (output.size() >= MAX_LINES) {
            output.remove(0);
            dropped++;
        }
        output.add(line);
    }

    void finished(TaskTarget target) {
        exitCode.set(target.exitCode());
        state.set(target.state());
        status.set(describe(target));
    }

    /** {@code Succeeded, exit code 0}, {@code Failed, exit code 3}, {@code Failed: reason}, {@code Cancelled}. */
    static String describe(TaskTarget target) {
        String state = switch (target.state()) {
            case QUEUED -> "Queued";
            case RUNNING -> "Running";
            case SUCCEEDED -> "Succeeded";
            case FAILED -> "Failed";
            case CANCELLED -> "Cancelled";
        };
        if (target.exitCode() != null) {
            return state + ", exit code " + target.exitCode();
        }
        return target.failureReason() == null ? state : state + ": " + target.failureReason();
    }

    public MachineId machineId() {
        return machineId;
    }

    public String name() {
        return name;
    }

    /** Its output so far, in order; at most {@link #MAX_LINES}. */
    public ObservableList<OutputLine> output() {
        return readOnlyOutput;
    }

    /** Lines dropped from the start of the output to keep it within {@link #MAX_LINES}. */
    public long droppedLines() {
        return dropped;
    }

    public ReadOnlyObjectProperty<TaskState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public TaskState state() {
        return state.get();
    }

    /** The script's exit code once it finished; null before, or when it did not run to the end. */
    public ReadOnlyObjectProperty<Integer> exitCodeProperty() {
        return exitCode.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public String status() {
        return status.get();
    }
}

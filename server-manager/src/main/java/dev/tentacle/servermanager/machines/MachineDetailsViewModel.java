package dev.tentacle.servermanager.machines;

import dev.tentacle.comms.Thumbprint;
import dev.tentacle.desktop.fx.Failure;
import dev.tentacle.server.admin.HealthHint;
import dev.tentacle.server.admin.HealthHints;
import dev.tentacle.server.admin.ServerInstance;
import dev.tentacle.server.storage.Storage;
import dev.tentacle.server.storage.health.HealthCheckResult;
import dev.tentacle.server.storage.machines.Machine;
import dev.tentacle.server.storage.machines.MachinePolicy;
import dev.tentacle.server.storage.tasks.Task;
import dev.tentacle.server.storage.tasks.TaskId;
import dev.tentacle.server.storage.tasks.TaskTarget;
import dev.tentacle.servermanager.ServerManagerContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The details of the selected machine: its registered thumbprint, its machine policy, its health history (newest
 * first), what its newest failed check means (the troubleshooting hint), and its recent tasks, whose logs open in a
 * {@link TaskLogViewModel}. Read from storage in the background; a result for a machine no longer shown is dropped.
 */
public final class MachineDetailsViewModel {
    /** How many health checks and tasks are shown. */
    public static final int HISTORY_SIZE = 20;

    private final ServerManagerContext context;
    private final Function<ServerInstance, Storage> storages;
    private final ReadOnlyObjectWrapper<MachineRow> machine = new ReadOnlyObjectWrapper<>(this, "machine");
    private final ReadOnlyStringWrapper thumbprint = new ReadOnlyStringWrapper(this, "thumbprint", "");
    private final ReadOnlyStringWrapper policy = new ReadOnlyStringWrapper(this, "policy", "");
    private final ReadOnlyStringWrapper hint = new ReadOnlyStringWrapper(this, "hint", "");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ObservableList<HealthEntry> history = FXCollections.observableArrayList();
    /** Held, not made anew per call: listeners of a read-only view live as long as the view. */
    private final ObservableList<HealthEntry> historyView = FXCollections.unmodifiableObservableList(history);
    private final ObservableList<TaskEntry> tasks = FXCollections.observableArrayList();
    private final ObservableList<TaskEntry> tasksView = FXCollections.unmodifiableObservableList(tasks);
    /** Finished tasks never change, so each is read once. */
    private final Map<TaskId, Task> finishedTasks = new ConcurrentHashMap<>();
    private final AtomicBoolean readInFlight = new AtomicBoolean();
    private ServerInstance instance;
    private int generation;

    MachineDetailsViewModel(ServerManagerContext context, Function<ServerInstance, Storage> storages) {
        this.context = Objects.requireNonNull(context, "context");
        this.storages = Objects.requireNonNull(storages, "storages");
    }

    /** The machine shown; null when none is selected. */
    public ReadOnlyObjectProperty<MachineRow> machineProperty() {
        return machine.getReadOnlyProperty();
    }

    /** The thumbprint the machine is registered with, and its form: "SHA-256 5A3E…". */
    public ReadOnlyStringProperty thumbprintProperty() {
        return thumbprint.getReadOnlyProperty();
    }

    /** The machine policy's name and what it does. */
    public ReadOnlyStringProperty policyProperty() {
        return policy.getReadOnlyProperty();
    }

    /** What the newest check's failure most likely means and what to check; empty when it was healthy. */
    public ReadOnlyStringProperty hintProperty() {
        return hint.getReadOnlyProperty();
    }

    /** Why the details cannot be read; empty when they can. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** The newest health checks, newest first. */
    public ObservableList<HealthEntry> history() {
        return historyView;
    }

    /** The machine's parts of its recent tasks, newest first. */
    public ObservableList<TaskEntry> tasks() {
        return tasksView;
    }

    /** Shows a machine of an instance (null for none) and reads its details. */
    void show(ServerInstance newInstance, MachineRow row) {
        boolean same = row != null && machine.get() != null && machine.get().id().equals(row.id())
                && Objects.equals(instance, newInstance);
        instance = newInstance;
        machine.set(row);
        if (!same) {
            generation++;
            readInFlight.set(false);
            thumbprint.set(row == null ? "" : describe(row.machine().thumbprint()));
            policy.set(row == null ? "" : row.machine().policyName());
            hint.set("");
            problem.set("");
            history.clear();
            tasks.clear();
        }
        if (row != null) {
            refresh();
        }
    }

    /** Reads the shown machine's details again, unless a read is still running. */
    public void refresh() {
        MachineRow row = machine.get();
        ServerInstance target = instance;
        if (row == null || target == null || !readInFlight.compareAndSet(false, true)) {
            return;
        }
        int current = generation;
        Machine shown = row.machine();
        context.background().execute(() -> {
            try {
                Details details = read(target, shown);
                context.ui().run(() -> {
                    if (current == generation) {
                        readInFlight.set(false);
                        apply(details);
                    }
                });
            } catch (RuntimeException e) {
                context.ui().run(() -> {
                    if (current == generation) {
                        readInFlight.set(false);
                        problem.set("The details of " + shown.name() + " cannot be read: "
                                + Failure.of("", e).message());
                    }
                });
            }
        });
    }

    /** The log of one of the shown tasks. */
    public TaskLogViewModel taskLog(TaskEntry entry) {
        Objects.requireNonNull(entry, "entry");
        ServerInstance target = Objects.requireNonNull(instance, "instance");
        return new TaskLogViewModel(context, () -> storages.apply(target), entry.task());
    }

    private record Details(List<HealthEntry> history, List<TaskEntry> tasks, String policy, String hint) {
    }

    private Details read(ServerInstance target, Machine shown) {
        Storage storage = storages.apply(target);
        List<HealthCheckResult> results = storage.healthChecks().history(shown.id(), HISTORY_SIZE);
        List<TaskEntry> entries = new ArrayList<>();
        for (TaskTarget part : storage.tasks().targetsOfMachine(shown.id(), HISTORY_SIZE)) {
            Task task = finishedTasks.get(part.taskId());
            if (task == null) {
                task = storage.tasks().get(part.taskId()).orElse(null);
                if (task == null) {
                    continue;
                }
                if (task.state().isFinished()) {
                    finishedTasks.put(task.id(), task);
                }
            }
            entries.add(new TaskEntry(task, part));
        }
        String policyText = storage.machinePolicies().findByName(shown.policyName())
                .map(MachineDetailsViewModel::describe).orElse(shown.policyName());
        String hintText = results.isEmpty() ? "" : String.join(System.lineSeparator(),
                HealthHints.forInstance(target).forResult(shown, results.getFirst()).stream()
                        .map(HealthHint::text).toList());
        return new Details(results.stream().map(HealthEntry::new).toList(), entries, policyText, hintText);
    }

    private void apply(Details details) {
        problem.set("");
        policy.set(details.policy());
        hint.set(details.hint());
        if (!history.equals(details.history())) {
            history.setAll(details.history());
        }
        if (!tasks.equals(details.tasks())) {
            tasks.setAll(details.tasks());
        }
    }

    static String describe(Thumbprint thumbprint) {
        return (thumbprint.hex().length() == Thumbprint.Algorithm.SHA1.hexLength() ? "SHA-1 " : "SHA-256 ")
                + thumbprint.hex();
    }

    static String describe(MachinePolicy policy) {
        var settings = policy.settings();
        return policy.name() + ": health check every " + Formats.duration(settings.healthCheckInterval())
                + (settings.rpcRetryEnabled() ? ", calls retried for " + Formats.duration(settings.rpcRetryDuration())
                        : ", calls not retried");
    }
}

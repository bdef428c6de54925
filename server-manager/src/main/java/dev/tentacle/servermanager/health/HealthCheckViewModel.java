package dev.tentacle.servermanager.health;

import dev.tentacle.desktop.fx.BackgroundJob;
import dev.tentacle.desktop.fx.Failure;
import dev.tentacle.server.admin.HealthCheckRecords;
import dev.tentacle.server.admin.HealthHints;
import dev.tentacle.server.admin.ServerInstance;
import dev.tentacle.server.admin.TaskExecution;
import dev.tentacle.server.storage.Storage;
import dev.tentacle.server.storage.health.HealthCheckResult;
import dev.tentacle.server.storage.machines.Machine;
import dev.tentacle.server.storage.machines.MachineFilter;
import dev.tentacle.server.storage.machines.MachineId;
import dev.tentacle.server.storage.tasks.NewTask;
import dev.tentacle.server.storage.tasks.Task;
import dev.tentacle.server.storage.tasks.TaskId;
import dev.tentacle.server.storage.tasks.TaskLogLine;
import dev.tentacle.server.storage.tasks.TaskState;
import dev.tentacle.server.storage.tasks.TaskTarget;
import dev.tentacle.servermanager.ServerManagerContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The health check flow: queues a health check task of the chosen machines (all of them when none is chosen) through
 * the engine's {@link TaskExecution}, which has a running server node of the instance run it or runs a node of its
 * own, and follows it: each machine's result as it arrives (status, latency, message, and for a failure the
 * troubleshooting hint), the task's log, the share of machines done. {@link #cancel()} asks the task to stop; machines
 * not yet checked are then cancelled. Runs on the context's background executor; state changes on its UI thread.
 */
public final class HealthCheckViewModel {
    /** How the run ended, for the icon beside the summary. */
    public enum Outcome {
        NOT_RUN, RUNNING, ALL_HEALTHY, PROBLEMS, CANCELLED, ERROR
    }

    private final ServerManagerContext context;
    private final Function<ServerInstance, Storage> storages;
    private final ServerInstance instance;
    private final List<MachineId> requested;
    private final String nodeName;
    private final String requester;

    private final ObservableList<MachineResult> results = FXCollections.observableArrayList();
    /** Held, not made anew per call: listeners of a read-only view live as long as the view. */
    private final ObservableList<MachineResult> resultsView = FXCollections.unmodifiableObservableList(results);
    private final ObservableList<String> log = FXCollections.observableArrayList();
    private final ObservableList<String> logView = FXCollections.unmodifiableObservableList(log);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running", false);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyObjectWrapper<Outcome> outcome = new ReadOnlyObjectWrapper<>(this, "outcome", Outcome.NOT_RUN);
    private final ReadOnlyStringWrapper task = new ReadOnlyStringWrapper(this, "task", "");
    private BackgroundJob<TaskExecution.Outcome> job;
    private TaskExecution execution;
    private TaskId taskId;
    private boolean cancelRequested;
    private int generation;

    /**
     * @param machines the machines to check; empty for every registered machine
     * @param nodeName the name of a server node this starts when no node of the instance runs
     * @param requester who the task is recorded as requested by
     */
    public HealthCheckViewModel(ServerManagerContext context, Function<ServerInstance, Storage> storages,
            ServerInstance instance, List<MachineId> machines, String nodeName, String requester) {
        this.context = Objects.requireNonNull(context, "context");
        this.storages = Objects.requireNonNull(storages, "storages");
        this.instance = Objects.requireNonNull(instance, "instance");
        this.requested = List.copyOf(machines);
        this.nodeName = Objects.requireNonNull(nodeName, "nodeName");
        this.requester = Objects.requireNonNull(requester, "requester");
    }

    public String title() {
        return "Health check: " + (requested.isEmpty() ? "all machines" : requested.size() == 1 ? "1 machine"
                : requested.size() + " machines") + " of " + instance.name();
    }

    /** Each machine's line, by name. */
    public ObservableList<MachineResult> results() {
        return resultsView;
    }

    /** The task's log and what happened around it (which node runs it, the database going away), in order. */
    public ObservableList<String> log() {
        return logView;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public boolean isRunning() {
        return running.get();
    }

    /** The share of machines whose check has ended, 0 to 1; -1 while the task is being queued. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Outcome> outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }

    /** The task's id once queued, e.g. {@code ServerTasks-12}; empty before. */
    public ReadOnlyStringProperty taskProperty() {
        return task.getReadOnlyProperty();
    }

    /** Starts a check, replacing the previous results; does nothing while one runs. */
    public void run() {
        if (running.get()) {
            return;
        }
        int current = ++generation;
        cancelRequested = false;
        execution = null;
        taskId = null;
        results.clear();
        log.clear();
        task.set("");
        running.set(true);
        progress.set(-1);
        outcome.set(Outcome.RUNNING);
        summary.set("Queueing the health check…");
        job = BackgroundJob.start(context.background(), context.ui(), work -> check(current),
                ended -> finished(current, ended), failure -> failed(current, failure));
    }

    /** Asks the task to stop: machines not checked yet are cancelled, a check in progress is interrupted. */
    public void cancel() {
        if (!running.get() || cancelRequested) {
            return;
        }
        cancelRequested = true;
        job.cancel();
        summary.set("Cancelling…");
        if (taskId != null) {
            requestCancel(execution, taskId);
        }
    }

    private void requestCancel(TaskExecution target, TaskId id) {
        context.background().execute(() -> {
            try {
                target.cancel(id);
            } catch (RuntimeException e) {
                context.ui().run(() -> log.add("Could not ask " + id + " to cancel: " + Failure.of("", e).message()));
            }
        });
    }

    private TaskExecution.Outcome check(int run) throws Exception {
        Storage storage = storages.apply(instance);
        List<Machine> machines = chosen(storage, run);
        HealthHints hints = HealthHints.forInstance(instance);
        List<MachineResult> waiting = machines.stream().map(MachineResult::waiting).toList();
        ui(run, () -> {
            results.setAll(waiting);
            progress.set(0);
        });
        boolean needsPollingPort = TaskExecution.needsPollingPort(machines);
        try (TaskExecution tasks = new TaskExecution(instance, storage, context.commsOptions(), nodeName, requester,
                notice -> ui(run, () -> log.add(notice)))) {
            Task queued = tasks.queue(NewTask.healthCheck("Check the health of " + describe(machines),
                    tasks.requester(), machines.stream().map(Machine::id).toList()), needsPollingPort);
            ui(run, () -> queued(tasks, queued, machines.size()));
            return tasks.follow(queued, needsPollingPort, null, new TaskExecution.Progress() {
                @Override
                public void line(TaskLogLine line) {
                    ui(run, () -> log.add(line.text()));
                }

                @Override
                public void targetFinished(TaskTarget part) {
                    Machine machine = machines.stream().filter(m -> m.id().equals(part.machineId())).findFirst()
                            .orElse(null);
                    if (machine != null) {
                        MachineResult result = resultOf(storage, hints, machine, part);
                        ui(run, () -> update(result));
                    }
                }
            });
        }
    }

    private List<Machine> chosen(Storage storage, int run) {
        if (requested.isEmpty()) {
            List<Machine> all = storage.machines().list(MachineFilter.all());
            if (all.isEmpty()) {
                throw new IllegalStateException("There are no machines to check: add a Tentacle first.");
            }
            return all;
        }
        List<Machine> found = new ArrayList<>();
        List<String> gone = new ArrayList<>();
        for (MachineId id : requested) {
            storage.machines().get(id).ifPresentOrElse(found::add, () -> gone.add(id.toString()));
        }
        if (found.isEmpty()) {
            throw new IllegalStateException("The machines to check (" + String.join(", ", gone) + ") are no longer"
                    + " registered: they were removed. Refresh the machines and choose again.");
        }
        if (!gone.isEmpty()) {
            ui(run, () -> log.add("Not checked, no longer registered: " + String.join(", ", gone) + "."));
        }
        found.sort((a, b) -> a.name().compareToIgnoreCase(b.name()));
        return found;
    }

    static String describe(List<Machine> machines) {
        List<String> names = machines.stream().map(Machine::name).toList();
        return names.size() <= 5 ? String.join(", ", names)
                : String.join(", ", names.subList(0, 5)) + " and " + (names.size() - 5) + " more";
    }

    static MachineResult resultOf(Storage storage, HealthHints hints, Machine machine, TaskTarget part) {
        Optional<HealthCheckResult> recorded = HealthCheckRecords.recordedBy(storage, part);
        if (recorded.isPresent()) {
            HealthCheckResult result = recorded.get();
            return new MachineResult(machine, MachineResult.State.of(result.status()), result,
                    result.reason() == null ? "" : result.reason(), hints.forResult(machine, result));
        }
        MachineResult.State state = part.state() == TaskState.CANCELLED ? MachineResult.State.CANCELLED
                : MachineResult.State.FAILED;
        String reason = part.failureReason() == null ? "" : part.failureReason();
        return new MachineResult(machine, state, null, reason,
                state == MachineResult.State.CANCELLED ? List.of() : hints.forReason(machine, reason).stream().toList());
    }

    private void queued(TaskExecution tasks, Task queued, int total) {
        execution = tasks;
        taskId = queued.id();
        task.set(queued.id().toString());
        summary.set("Checking " + total + (total == 1 ? " machine" : " machines") + " (" + queued.id() + ")…");
        if (cancelRequested) {
            requestCancel(tasks, queued.id());
        }
    }

    private void update(MachineResult result) {
        for (int i = 0; i < results.size(); i++) {
            if (results.get(i).machine().id().equals(result.machine().id())) {
                results.set(i, result);
            }
        }
        long done = results.stream().filter(r -> r.state() != MachineResult.State.WAITING).count();
        progress.set(results.isEmpty() ? 1 : (double) done / results.size());
        if (running.get() && !cancelRequested) {
            summary.set("Checked " + done + " of " + results.size() + " (" + task.get() + ")…");
        }
    }

    private void finished(int run, TaskExecution.Outcome ended) {
        if (run != generation) {
            return;
        }
        running.set(false);
        progress.set(1);
        long healthy = results.stream().filter(r -> r.state() == MachineResult.State.HEALTHY).count();
        long attention = results.stream().filter(r -> r.state().needsAttention()).count();
        Outcome result = ended.task().state() == TaskState.CANCELLED || cancelRequested ? Outcome.CANCELLED
                : attention == 0 ? Outcome.ALL_HEALTHY : Outcome.PROBLEMS;
        outcome.set(result);
        summary.set(switch (result) {
            case ALL_HEALTHY -> results.size() == 1 ? "The machine is healthy." : "All " + results.size()
                    + " machines are healthy.";
            case CANCELLED -> "Cancelled: " + results.stream().filter(r -> r.result() != null).count() + " of "
                    + results.size() + " machines were checked.";
            default -> healthy + " of " + results.size() + " machines healthy; " + attention + " need"
                    + (attention == 1 ? "s" : "") + " attention: what to check is under each.";
        });
    }

    private void failed(int run, Throwable failure) {
        if (run != generation) {
            return;
        }
        running.set(false);
        progress.set(0);
        outcome.set(Outcome.ERROR);
        summary.set("The health check could not run: " + Failure.of("", failure).message());
    }

    /** Publishes on the UI thread, unless a newer run replaced this one. */
    private void ui(int run, Runnable change) {
        context.ui().run(() -> {
            if (run == generation) {
                change.run();
            }
        });
    }

    /** The results as text, for the clipboard: each machine's state, message and what to check. */
    public String report() {
        StringBuilder text = new StringBuilder(title()).append(System.lineSeparator());
        for (MachineResult r : results) {
            text.append(r.name()).append(": ").append(r.summary()).append(System.lineSeparator());
            if (!r.message().isEmpty()) {
                text.append("    ").append(r.message()).append(System.lineSeparator());
            }
            if (!r.hints().isEmpty()) {
                r.hints().forEach(h -> text.append("    What to check: ").append(h.text())
                        .append(System.lineSeparator()));
            }
        }
        return text.append(summary.get()).append(System.lineSeparator()).toString();
    }
}

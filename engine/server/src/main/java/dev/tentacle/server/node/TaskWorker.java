package dev.tentacle.server.node;

import dev.tentacle.comms.CommsRuntime;
import dev.tentacle.comms.ServiceEndpoint;
import dev.tentacle.contracts.scripts.ScriptTicket;
import dev.tentacle.server.machines.MachineEndpoints;
import dev.tentacle.server.storage.Repositories;
import dev.tentacle.server.storage.StorageException;
import dev.tentacle.server.storage.machines.Machine;
import dev.tentacle.server.storage.tasks.NewTaskLogLine;
import dev.tentacle.server.storage.tasks.QueuedTarget;
import dev.tentacle.server.storage.tasks.Task;
import dev.tentacle.server.storage.tasks.TaskId;
import dev.tentacle.server.storage.tasks.TaskKind;
import dev.tentacle.server.storage.tasks.TaskState;
import dev.tentacle.server.storage.tasks.TaskTarget;
import dev.tentacle.server.tasks.TargetOutcome;
import dev.tentacle.server.tasks.TargetRunner;
import dev.tentacle.server.tasks.TaskLogWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Claims queued machine parts of tasks and runs each on a virtual thread of its own, at most
 * {@link NodeSettings#maxConcurrentTargets()} at a time. A part for a listening Tentacle is claimed at once; a part
 * for a polling Tentacle is claimed at once when the Tentacle is connected to this node, and otherwise only after the
 * polling claim grace, so that the node it is connected to gets it first. When the last part of a task finishes,
 * the node that finished it finishes the task.
 *
 * <p>Cancelling: every scan checks the tasks of the parts running here and interrupts those whose task was asked to
 * stop; the runner cancels the script on the agent.
 */
final class TaskWorker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TaskWorker.class);
    private static final Duration STOP_WAIT = Duration.ofSeconds(15);

    private final NodeSettings settings;
    private final CommsRuntime runtime;
    private final Repositories storage;
    private final Map<TaskKind, TargetRunner> runners;
    private final Clock clock;
    private final Map<Key, Running> running = new ConcurrentHashMap<>();
    private final Semaphore wakeUp = new Semaphore(0);
    private volatile boolean stopping;
    private Thread loop;

    TaskWorker(NodeSettings settings, CommsRuntime runtime, Repositories storage, Map<TaskKind, TargetRunner> runners,
            Clock clock) {
        this.settings = settings;
        this.runtime = runtime;
        this.storage = storage;
        this.runners = Map.copyOf(runners);
        this.clock = clock;
    }

    void start() {
        loop = Thread.ofPlatform().daemon().name("octopus-task-worker").start(this::scanLoop);
    }

    /** Looks for work now rather than at the next scan. */
    void wake() {
        wakeUp.release();
    }

    /** Machine parts running on this node now. */
    int runningCount() {
        return running.size();
    }

    private void scanLoop() {
        while (!stopping) {
            try {
                scanOnce();
            } catch (StorageException e) {
                LOG.warn("Cannot look for queued tasks: {}. Trying again in {} ms", e.getMessage(),
                        settings.scanInterval().toMillis());
            } catch (RuntimeException e) {
                LOG.error("Unexpected failure while looking for queued tasks; trying again", e);
            }
            try {
                if (wakeUp.tryAcquire(settings.scanInterval().toMillis(), TimeUnit.MILLISECONDS)) {
                    wakeUp.drainPermits();
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    void scanOnce() {
        interruptCancelled();
        int free = settings.maxConcurrentTargets() - running.size();
        if (free <= 0 || stopping) {
            return;
        }
        List<QueuedTarget> queued = storage.tasks().queuedTargets(Math.min(1000, free * 4));
        for (QueuedTarget candidate : queued) {
            if (stopping || running.size() >= settings.maxConcurrentTargets()) {
                return;
            }
            Machine machine = storage.machines().get(candidate.machineId()).orElse(null);
            if (machine != null && !mayClaim(candidate, machine)) {
                continue;
            }
            String ticket = candidate.kind() == TaskKind.SCRIPT ? ScriptTicket.newTicket().value() : null;
            storage.tasks().claimTarget(candidate.taskId(), candidate.machineId(), settings.name(), ticket)
                    .ifPresent(target -> launch(target, machine));
        }
    }

    private boolean mayClaim(QueuedTarget candidate, Machine machine) {
        ServiceEndpoint endpoint = MachineEndpoints.of(machine);
        if (!endpoint.isPolling() || runtime.connectedSubscribers(endpoint.host()) > 0) {
            return true;
        }
        return !clock.instant().isBefore(candidate.taskQueued().plus(settings.pollingClaimGrace()));
    }

    private void launch(TaskTarget target, Machine machine) {
        Running entry = new Running();
        Key key = new Key(target.taskId(), target.machineId().value());
        running.put(key, entry);
        entry.thread = Thread.ofVirtual().name("task-" + target.taskId() + "-" + target.machineName())
                .unstarted(() -> {
                    try {
                        runClaimed(target, machine, entry);
                    } finally {
                        running.remove(key);
                        wake();
                    }
                });
        entry.thread.start();
    }

    private void runClaimed(TaskTarget target, Machine machine, Running entry) {
        TargetOutcome outcome;
        try (TaskLogWriter log = new TaskLogWriter(storage, target.taskId())) {
            outcome = outcomeOf(target, machine, log);
        } catch (RuntimeException e) {
            LOG.error("Running task {} on {} failed unexpectedly", target.taskId(), target.machineName(), e);
            outcome = TargetOutcome.failed(null, "The server failed unexpectedly while running this: " + e
                    + ". The server log has the details.");
        }
        synchronized (entry) {
            entry.finishing = true;
        }
        Thread.interrupted(); // a cancel that arrived after the run ended must not reach the database calls below
        if (stopping && outcome.state() == TaskState.CANCELLED && !entry.cancelled) {
            outcome = TargetOutcome.failed(null, "Server node " + settings.name() + " stopped while this ran; run the "
                    + "task again.");
        }
        record(target, outcome);
    }

    private TargetOutcome outcomeOf(TaskTarget target, Machine machine, TaskLogWriter log) {
        if (machine == null) {
            return TargetOutcome.failed(null, "Machine " + target.machineName() + " was removed before the task ran on it.");
        }
        Task task = storage.tasks().get(target.taskId()).orElseThrow();
        TargetRunner runner = runners.get(task.kind());
        if (runner == null) {
            return TargetOutcome.failed(null, "This server cannot run " + task.kind() + " tasks.");
        }
        log.add(NewTaskLogLine.server(clock.instant(), "Running on " + machine.name() + " from server node "
                + settings.name()));
        return runner.run(task, target, machine, log);
    }

    private void record(TaskTarget target, TargetOutcome outcome) {
        try {
            storage.tasks().finishTarget(target.taskId(), target.machineId(), outcome.state(), outcome.exitCode(),
                    outcome.failureReason());
            storage.tasks().finishIfComplete(target.taskId());
        } catch (StorageException e) {
            LOG.error("Could not record that task {} ended as {} on {}: {}. Another node will fail it when it sees this "
                    + "node stopped", target.taskId(), outcome.state(), target.machineName(), e.getMessage());
        }
    }

    private void interruptCancelled() {
        Set<TaskId> tasks = running.keySet().stream().map(Key::taskId).collect(Collectors.toSet());
        for (TaskId id : tasks) {
            boolean cancelRequested = storage.tasks().get(id).map(Task::cancelRequested).orElse(true);
            if (cancelRequested) {
                running.forEach((key, entry) -> {
                    if (key.taskId().equals(id)) {
                        entry.interrupt(true);
                    }
                });
            }
        }
    }

    /** Stops claiming, interrupts what runs here and waits a while for it to record how it ended. */
    @Override
    public void close() {
        stopping = true;
        if (loop != null) {
            loop.interrupt();
        }
        running.values().forEach(entry -> entry.interrupt(false));
        long deadline = System.nanoTime() + STOP_WAIT.toNanos();
        for (Running entry : List.copyOf(running.values())) {
            long left = deadline - System.nanoTime();
            if (left > 0 && entry.thread != null) {
                try {
                    entry.thread.join(Duration.ofNanos(left));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private record Key(TaskId taskId, long machineId) {
        Key {
            Objects.requireNonNull(taskId, "taskId");
        }
    }

    /** A part running here. Interrupts and the end of the run are serialised, so no interrupt reaches the recording. */
    private static final class Running {
        volatile Thread thread;
        boolean finishing;
        volatile boolean cancelled;

        synchronized void interrupt(boolean byCancel) {
            if (!finishing && thread != null && !(byCancel && cancelled)) {
                if (byCancel) {
                    cancelled = true;
                }
                thread.interrupt();
            }
        }
    }
}

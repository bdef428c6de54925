package dev.tentacle.server.tasks;

import dev.tentacle.comms.CommsException;
import dev.tentacle.comms.CommsRuntime;
import dev.tentacle.comms.ErrorCode;
import dev.tentacle.comms.retry.RetryPolicy;
import dev.tentacle.contracts.client.ScriptExecutor;
import dev.tentacle.contracts.client.ScriptResult;
import dev.tentacle.contracts.scripts.ProcessOutput;
import dev.tentacle.contracts.scripts.ScriptTicket;
import dev.tentacle.contracts.scripts.StartScriptCommand;
import dev.tentacle.server.machines.MachineEndpoints;
import dev.tentacle.server.storage.Repositories;
import dev.tentacle.server.storage.machines.Machine;
import dev.tentacle.server.storage.machines.MachinePolicy;
import dev.tentacle.server.storage.tasks.NewTaskLogLine;
import dev.tentacle.server.storage.tasks.Task;
import dev.tentacle.server.storage.tasks.TaskLogSource;
import dev.tentacle.server.storage.tasks.TaskState;
import dev.tentacle.server.storage.tasks.TaskTarget;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs a queued script task: on every target machine at once, through {@link ScriptExecutor} (ScriptServiceV2 with
 * the machine policy's retries, v1 fallback), with every log line written to the task log as it arrives. A cancel
 * request on the task interrupts the machines' runs, which cancels the scripts on the agents.
 */
public final class ScriptTaskRunner {
    private static final Duration CANCEL_POLL = Duration.ofMillis(250);

    private final CommsRuntime runtime;
    private final Repositories storage;
    private final Clock clock;

    public ScriptTaskRunner(CommsRuntime runtime, Repositories storage, Clock clock) {
        this.runtime = runtime;
        this.storage = storage;
        this.clock = clock;
    }

    /** Runs the task if it is still queued; returns it as it ended. */
    public Task run(Task task) throws InterruptedException {
        if (!storage.tasks().start(task.id())) {
            return storage.tasks().get(task.id()).orElseThrow();
        }
        ScriptPayload payload = ScriptPayload.fromJson(task.payload());
        StartScriptCommand command = StartScriptCommand.of(payload.syntax(), payload.scriptBody());
        List<TaskTarget> targets = storage.tasks().targets(task.id());
        List<Future<TaskState>> runs = new ArrayList<>();
        try (TaskLogWriter log = new TaskLogWriter(storage, task.id());
             var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (TaskTarget target : targets) {
                runs.add(executor.submit(() -> runOn(task, target, command, log)));
            }
            watchForCancel(task, runs, log);
        } // closing waits until every machine's run has recorded its outcome and every log line is stored
        List<TaskState> outcomes = new ArrayList<>();
        for (Future<TaskState> run : runs) {
            outcomes.add(outcome(run));
        }
        TaskState overall = outcomes.contains(TaskState.CANCELLED) ? TaskState.CANCELLED
                : outcomes.stream().allMatch(s -> s == TaskState.SUCCEEDED) ? TaskState.SUCCEEDED : TaskState.FAILED;
        return storage.tasks().finish(task.id(), overall, overall == TaskState.FAILED ? "The script failed on at least one machine." : null);
    }

    private TaskState runOn(Task task, TaskTarget target, StartScriptCommand command, TaskLogWriter log) {
        Machine machine = storage.machines().get(target.machineId()).orElse(null);
        if (machine == null) {
            storage.tasks().finishTarget(task.id(), target.machineId(), TaskState.FAILED, null,
                    "The machine was removed before the task ran.");
            return TaskState.FAILED;
        }
        ScriptTicket ticket = ScriptTicket.newTicket();
        storage.tasks().startTarget(task.id(), machine.id(), ticket.value());
        ScriptExecutor executor = new ScriptExecutor(runtime, MachineEndpoints.of(machine), retryPolicyOf(machine));
        try {
            ScriptResult result = executor.execute(ticket, command, line -> log.add(logLine(machine, line)));
            TaskState state = result.exitCode() == 0 ? TaskState.SUCCEEDED : TaskState.FAILED;
            storage.tasks().finishTarget(task.id(), machine.id(), state, result.exitCode(),
                    state == TaskState.FAILED ? "The script exited with code " + result.exitCode() + "." : null);
            return state;
        } catch (CommsException e) {
            // A cancel interrupted this thread; clear it before touching the database (see TaskLogWriter).
            boolean cancelled = Thread.interrupted() || e.code() == ErrorCode.CANCELLED;
            TaskState state = cancelled ? TaskState.CANCELLED : TaskState.FAILED;
            storage.tasks().finishTarget(task.id(), machine.id(), state, null, "[" + e.code() + "] " + e.getMessage());
            return state;
        }
    }

    private static NewTaskLogLine logLine(Machine machine, ProcessOutput line) {
        TaskLogSource source = switch (line.source()) {
            case STDOUT -> TaskLogSource.STDOUT;
            case STDERR -> TaskLogSource.STDERR;
            case DEBUG -> TaskLogSource.DEBUG;
        };
        return NewTaskLogLine.output(machine.id(), line.occurred(), source, line.text());
    }

    /** Polls the task's cancel flag while the machines run, and interrupts their runs when it is set. */
    private void watchForCancel(Task task, List<Future<TaskState>> runs, TaskLogWriter log) throws InterruptedException {
        while (runs.stream().anyMatch(run -> !run.isDone())) {
            if (storage.tasks().get(task.id()).map(Task::cancelRequested).orElse(false)) {
                log.add(NewTaskLogLine.server(clock.instant(), "Cancel requested: cancelling the script on every machine."));
                runs.forEach(run -> run.cancel(true));
                return;
            }
            Thread.sleep(CANCEL_POLL);
        }
    }

    private static TaskState outcome(Future<TaskState> run) throws InterruptedException {
        if (run.isCancelled()) {
            return TaskState.CANCELLED;
        }
        try {
            return run.get();
        } catch (ExecutionException e) {
            return TaskState.FAILED;
        }
    }

    private RetryPolicy retryPolicyOf(Machine machine) {
        MachinePolicy policy = storage.machinePolicies().findByName(machine.policyName())
                .orElseGet(() -> storage.machinePolicies().defaultPolicy());
        return policy.retryPolicy();
    }
}

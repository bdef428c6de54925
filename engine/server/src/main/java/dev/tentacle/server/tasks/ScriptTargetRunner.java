package dev.tentacle.server.tasks;

import dev.tentacle.comms.CommsException;
import dev.tentacle.comms.CommsRuntime;
import dev.tentacle.comms.ErrorCode;
import dev.tentacle.contracts.client.ScriptExecutor;
import dev.tentacle.contracts.client.ScriptResult;
import dev.tentacle.contracts.scripts.ProcessOutput;
import dev.tentacle.contracts.scripts.ScriptTicket;
import dev.tentacle.contracts.scripts.StartScriptCommand;
import dev.tentacle.server.machines.MachineEndpoints;
import dev.tentacle.server.machines.MachinePolicies;
import dev.tentacle.server.storage.Repositories;
import dev.tentacle.server.storage.machines.Machine;
import dev.tentacle.server.storage.tasks.NewTaskLogLine;
import dev.tentacle.server.storage.tasks.Task;
import dev.tentacle.server.storage.tasks.TaskLogSource;
import dev.tentacle.server.storage.tasks.TaskTarget;

/**
 * Runs a script task on one machine through {@link ScriptExecutor}: ScriptServiceV2 with the machine policy's retries
 * (v1 when the agent has no v2), every output line handed to the task log as it arrives. The ticket is the one the
 * part was claimed with, so a retried start after a network failure is recognised by the agent and not run twice.
 */
public final class ScriptTargetRunner implements TargetRunner {
    private final CommsRuntime runtime;
    private final Repositories storage;

    public ScriptTargetRunner(CommsRuntime runtime, Repositories storage) {
        this.runtime = runtime;
        this.storage = storage;
    }

    @Override
    public TargetOutcome run(Task task, TaskTarget target, Machine machine, TaskLogWriter log) {
        ScriptPayload payload = ScriptPayload.fromJson(task.payload());
        StartScriptCommand command = StartScriptCommand.of(payload.syntax(), payload.scriptBody());
        ScriptTicket ticket = target.ticket() == null ? ScriptTicket.newTicket() : new ScriptTicket(target.ticket());
        ScriptExecutor executor = new ScriptExecutor(runtime, MachineEndpoints.of(machine),
                MachinePolicies.retryPolicyOf(storage, machine));
        try {
            ScriptResult result = executor.execute(ticket, command, line -> log.add(logLine(machine, line)));
            return result.exitCode() == 0 ? TargetOutcome.succeeded(0)
                    : TargetOutcome.failed(result.exitCode(), "The script exited with code " + result.exitCode() + ".");
        } catch (CommsException e) {
            boolean cancelled = Thread.interrupted() || e.code() == ErrorCode.CANCELLED;
            String reason = "[" + e.code() + "] " + e.getMessage();
            return cancelled ? TargetOutcome.cancelled("Cancelled: " + reason) : TargetOutcome.failed(null, reason);
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
}

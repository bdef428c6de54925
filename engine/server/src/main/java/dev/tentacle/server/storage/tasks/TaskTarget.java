package dev.tentacle.server.storage.tasks;

import dev.tentacle.server.storage.machines.MachineId;
import java.time.Instant;
import java.util.Objects;

/**
 * One machine's part of a task. The machine's name is the one it had when the task was created, so the record stays
 * readable after the machine is renamed or removed.
 *
 * @param ticket the script ticket the server issued for this machine (ScriptService v2), or null
 * @param exitCode the script's exit code once it finished, or null
 * @param failureReason why this machine's part failed or was cancelled, or null
 * @param claimedBy the name of the server node that ran (or is running) this part, or null while it is queued
 */
public record TaskTarget(
        TaskId taskId,
        MachineId machineId,
        String machineName,
        TaskState state,
        String ticket,
        Integer exitCode,
        Instant started,
        Instant finished,
        String failureReason,
        String claimedBy) {

    public TaskTarget {
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(machineId, "machineId");
        Objects.requireNonNull(machineName, "machineName");
        Objects.requireNonNull(state, "state");
    }
}

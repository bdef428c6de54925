package dev.tentacle.server.storage.tasks;

import dev.tentacle.server.storage.machines.MachineId;
import java.time.Instant;
import java.util.Objects;

/**
 * A machine's part of a task that waits for a server node to claim and run it.
 *
 * @param taskQueued when the task was queued, so a node can tell how long the part has waited
 */
public record QueuedTarget(TaskId taskId, MachineId machineId, String machineName, TaskKind kind, Instant taskQueued) {
    public QueuedTarget {
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(machineId, "machineId");
        Objects.requireNonNull(machineName, "machineName");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(taskQueued, "taskQueued");
    }
}

package dev.tentacle.server.storage.tasks;

import dev.tentacle.server.storage.machines.MachineId;
import java.time.Instant;
import java.util.Objects;

/**
 * A stored task log line.
 *
 * @param sequence the line's number within its task: 1, 2, 3, ... in the order lines were appended, without gaps
 * @param machineId the machine the line is about, or null for a line about the whole task
 */
public record TaskLogLine(TaskId taskId, long sequence, MachineId machineId, Instant time, TaskLogSource source,
        String text) {

    public TaskLogLine {
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(text, "text");
    }
}

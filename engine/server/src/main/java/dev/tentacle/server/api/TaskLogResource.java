package dev.tentacle.server.api;

import dev.tentacle.server.storage.tasks.TaskId;
import dev.tentacle.server.storage.tasks.TaskLogLine;
import dev.tentacle.server.storage.tasks.TaskLogPage;
import java.time.Instant;
import java.util.List;

/**
 * A page of a task's log.
 *
 * @param nextAfter pass as {@code after} to read the next page
 * @param more true when more lines were already stored after this page
 */
public record TaskLogResource(String taskId, List<Line> lines, long nextAfter, boolean more) {

    /** One log line; {@code machineId} is null for a line about the whole task. */
    public record Line(long sequence, String machineId, Instant time, String source, String text) {

        static Line of(TaskLogLine line) {
            return new Line(line.sequence(), line.machineId() == null ? null : line.machineId().toString(),
                    line.time(), line.source().name(), line.text());
        }
    }

    static TaskLogResource of(TaskId taskId, TaskLogPage page) {
        return new TaskLogResource(taskId.toString(), page.lines().stream().map(Line::of).toList(),
                page.nextAfterSequence(), page.more());
    }
}

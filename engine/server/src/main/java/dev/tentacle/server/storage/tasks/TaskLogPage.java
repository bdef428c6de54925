package dev.tentacle.server.storage.tasks;

import java.util.List;

/**
 * A page of a task's log.
 *
 * @param lines the lines, in sequence order
 * @param nextAfterSequence the sequence to read after for the next page: the last line's, or the one asked for when
 *     the page is empty
 * @param more true when lines after this page were already stored when it was read
 */
public record TaskLogPage(List<TaskLogLine> lines, long nextAfterSequence, boolean more) {

    public TaskLogPage {
        lines = List.copyOf(lines);
    }
}

package dev.tentacle.servermanager.scripts;

import dev.tentacle.server.storage.tasks.TaskLogSource;
import java.util.Objects;

/**
 * A line of a script run's output as the screen shows it.
 *
 * @param source standard output or error of the script, or a line of the server or the agent about the run
 */
public record OutputLine(TaskLogSource source, String text) {
    public OutputLine {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(text, "text");
    }
}

package dev.tentacle.server.storage.tasks;

import dev.tentacle.server.storage.internal.Columns;
import dev.tentacle.server.storage.machines.MachineId;
import java.time.Instant;
import java.util.Objects;

/**
 * A log line to append. The text is stored as given except that NUL characters, which PostgreSQL cannot store in
 * text, become U+FFFD.
 *
 * @param machineId the machine the line is about, or null for a line about the whole task
 * @param time when the line was written, kept to the microsecond
 */
public record NewTaskLogLine(MachineId machineId, Instant time, TaskLogSource source, String text) {

    public NewTaskLogLine {
        time = Columns.stored(Objects.requireNonNull(time, "time"));
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(text, "text");
        text = text.replace('\u0000', '\uFFFD');
    }

    public static NewTaskLogLine server(Instant time, String text) {
        return new NewTaskLogLine(null, time, TaskLogSource.SERVER, text);
    }

    public static NewTaskLogLine output(MachineId machineId, Instant time, TaskLogSource source, String text) {
        return new NewTaskLogLine(machineId, time, source, text);
    }
}

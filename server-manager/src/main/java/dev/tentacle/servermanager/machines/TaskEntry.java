package dev.tentacle.servermanager.machines;

import dev.tentacle.server.storage.tasks.Task;
import dev.tentacle.server.storage.tasks.TaskKind;
import dev.tentacle.server.storage.tasks.TaskTarget;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * A row of a machine's recent tasks: the task, and how the machine's part of it went.
 *
 * @param task the task as a whole
 * @param part this machine's part of it
 */
public record TaskEntry(Task task, TaskTarget part) {
    public TaskEntry {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(part, "part");
    }

    /** "Health check" or "Script", with the task's id: "Script (ServerTasks-12)". */
    public String what() {
        return (task.kind() == TaskKind.HEALTH_CHECK ? "Health check" : "Script") + " (" + task.id() + ")";
    }

    public String description() {
        return task.description();
    }

    /** The state of this machine's part: "Succeeded", "Running"… */
    public String state() {
        String name = part.state().name().toLowerCase(Locale.ROOT);
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    /** When the part finished, else when it started, else when the task was queued. */
    public String time() {
        Instant when = part.finished() != null ? part.finished() : part.started() != null ? part.started()
                : task.created();
        return Formats.time(when);
    }

    /** Why the part failed or was cancelled; empty otherwise. */
    public String reason() {
        return part.failureReason() == null ? "" : part.failureReason();
    }
}

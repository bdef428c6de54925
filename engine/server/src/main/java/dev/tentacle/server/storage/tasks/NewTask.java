package dev.tentacle.server.storage.tasks;

import dev.tentacle.server.storage.internal.Names;
import dev.tentacle.server.storage.machines.MachineId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * A task to queue.
 *
 * @param description what the task does, for people, e.g. {@code "Run script on web01 and web02"}; up to 1000 characters
 * @param requestedBy who asked for it: a user, an API key's name, or {@code "Scheduler"}
 * @param payload kind-specific data the task runner reads (for a script: its body and syntax, as JSON), or null
 * @param machines the machines it runs on; duplicates are dropped
 */
public record NewTask(TaskKind kind, String description, String requestedBy, String payload, List<MachineId> machines) {

    public static final int MAXIMUM_DESCRIPTION_LENGTH = 1000;

    public NewTask {
        Objects.requireNonNull(kind, "kind");
        if (description == null || description.isBlank()) {
            throw new IllegalArgumentException("A task needs a description saying what it does");
        }
        description = description.strip();
        if (description.length() > MAXIMUM_DESCRIPTION_LENGTH) {
            throw new IllegalArgumentException("A task description can be at most " + MAXIMUM_DESCRIPTION_LENGTH
                    + " characters, was " + description.length());
        }
        requestedBy = Names.require(requestedBy, "task requester");
        Objects.requireNonNull(machines, "machines");
        machines = List.copyOf(new LinkedHashSet<>(machines));
    }

    public static NewTask healthCheck(String description, String requestedBy, List<MachineId> machines) {
        return new NewTask(TaskKind.HEALTH_CHECK, description, requestedBy, null, machines);
    }

    public static NewTask script(String description, String requestedBy, String payload, List<MachineId> machines) {
        return new NewTask(TaskKind.SCRIPT, description, requestedBy, payload, machines);
    }
}

package dev.tentacle.server.storage.tasks;

import dev.tentacle.server.storage.internal.EntityIds;

/** A server task's id; shown as {@code ServerTasks-<n>}, as Octopus does. */
public record TaskId(long value) {

    public static final String PREFIX = "ServerTasks-";

    public TaskId {
        EntityIds.requirePositive(PREFIX, value);
    }

    /** Reads {@code ServerTasks-7} or {@code 7}. */
    public static TaskId parse(String text) {
        return new TaskId(EntityIds.parse(PREFIX, text));
    }

    @Override
    public String toString() {
        return PREFIX + value;
    }
}

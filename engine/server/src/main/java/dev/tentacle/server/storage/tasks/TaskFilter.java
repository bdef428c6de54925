package dev.tentacle.server.storage.tasks;

/**
 * Which tasks to list, newest first; null means "any".
 *
 * @param limit at most this many tasks, 1 to 1000
 */
public record TaskFilter(TaskState state, TaskKind kind, int limit) {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAXIMUM_LIMIT = 1000;

    public TaskFilter {
        if (limit < 1 || limit > MAXIMUM_LIMIT) {
            throw new IllegalArgumentException("A task list limit must be between 1 and " + MAXIMUM_LIMIT + ", was " + limit);
        }
    }

    /** The newest {@value #DEFAULT_LIMIT} tasks of any state and kind. */
    public static TaskFilter recent() {
        return new TaskFilter(null, null, DEFAULT_LIMIT);
    }

    public TaskFilter withState(TaskState newState) {
        return new TaskFilter(newState, kind, limit);
    }

    public TaskFilter withKind(TaskKind newKind) {
        return new TaskFilter(state, newKind, limit);
    }

    public TaskFilter withLimit(int newLimit) {
        return new TaskFilter(state, kind, newLimit);
    }
}

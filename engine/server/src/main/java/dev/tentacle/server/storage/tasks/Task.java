package dev.tentacle.server.storage.tasks;

import java.time.Instant;
import java.util.Objects;

/**
 * A stored server task.
 *
 * @param started when it began running, or null while queued (and for a task cancelled before it started)
 * @param finished when it reached a finished state, or null
 * @param cancelRequested true once someone asked to cancel it while it was running; the runner then stops it
 * @param failureReason why it failed or was cancelled, or null
 */
public record Task(
        TaskId id,
        TaskKind kind,
        TaskState state,
        String description,
        String requestedBy,
        String payload,
        Instant created,
        Instant started,
        Instant finished,
        boolean cancelRequested,
        String failureReason) {

    public Task {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(requestedBy, "requestedBy");
        Objects.requireNonNull(created, "created");
    }
}

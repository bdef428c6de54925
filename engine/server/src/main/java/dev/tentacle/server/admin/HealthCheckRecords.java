package dev.tentacle.server.admin;

import dev.tentacle.server.storage.Repositories;
import dev.tentacle.server.storage.health.HealthCheckResult;
import dev.tentacle.server.storage.tasks.TaskState;
import dev.tentacle.server.storage.tasks.TaskTarget;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** Which health check result a machine's part of a health check task recorded. */
public final class HealthCheckRecords {
    private HealthCheckRecords() {
    }

    /**
     * The result the part recorded: the machine's newest one, if it was recorded while the part ran. Empty when the part
     * recorded none: it was cancelled, the machine was removed, or the node running it stopped; its failure reason then
     * says what happened.
     */
    public static Optional<HealthCheckResult> recordedBy(Repositories storage, TaskTarget part) {
        Objects.requireNonNull(storage, "storage");
        Objects.requireNonNull(part, "part");
        if (part.started() == null || part.state() == TaskState.CANCELLED) {
            return Optional.empty();
        }
        Instant until = part.finished() == null ? Instant.now() : part.finished();
        return storage.healthChecks().latest(part.machineId())
                .filter(r -> !r.checkedAt().isBefore(part.started()) && !r.checkedAt().isAfter(until));
    }
}

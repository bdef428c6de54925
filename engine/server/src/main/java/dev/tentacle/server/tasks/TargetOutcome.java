package dev.tentacle.server.tasks;

import dev.tentacle.server.storage.tasks.TaskState;
import java.util.Objects;

/**
 * How one machine's part of a task ended.
 *
 * @param exitCode the script's exit code, or null for a health check or a script that never ran
 * @param failureReason why it failed or was cancelled, or null when it succeeded
 */
public record TargetOutcome(TaskState state, Integer exitCode, String failureReason) {
    public TargetOutcome {
        Objects.requireNonNull(state, "state");
        if (!state.isFinished()) {
            throw new IllegalArgumentException("A machine's part ends as SUCCEEDED, FAILED or CANCELLED, not " + state);
        }
    }

    public static TargetOutcome succeeded(Integer exitCode) {
        return new TargetOutcome(TaskState.SUCCEEDED, exitCode, null);
    }

    public static TargetOutcome failed(Integer exitCode, String reason) {
        return new TargetOutcome(TaskState.FAILED, exitCode, reason);
    }

    public static TargetOutcome cancelled(String reason) {
        return new TargetOutcome(TaskState.CANCELLED, null, reason);
    }
}

package dev.tentacle.server.api;

import dev.tentacle.server.storage.tasks.Task;
import dev.tentacle.server.storage.tasks.TaskTarget;
import java.time.Instant;
import java.util.List;

/** A task as the API shows it, with one target per machine. */
public record TaskResource(
        String id,
        String kind,
        String state,
        String description,
        String requestedBy,
        Instant created,
        Instant started,
        Instant finished,
        boolean cancelRequested,
        String failureReason,
        List<Target> targets) {

    /** One machine's part of the task. */
    public record Target(String machineId, String machineName, String state, Integer exitCode, Instant started,
            Instant finished, String failureReason) {

        static Target of(TaskTarget target) {
            return new Target(target.machineId().toString(), target.machineName(), target.state().name(),
                    target.exitCode(), target.started(), target.finished(), target.failureReason());
        }
    }

    static TaskResource of(Task task, List<TaskTarget> targets) {
        return new TaskResource(task.id().toString(), task.kind().name(), task.state().name(), task.description(),
                task.requestedBy(), task.created(), task.started(), task.finished(), task.cancelRequested(),
                task.failureReason(), targets.stream().map(Target::of).toList());
    }
}

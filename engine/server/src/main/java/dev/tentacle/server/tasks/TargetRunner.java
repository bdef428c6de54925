package dev.tentacle.server.tasks;

import dev.tentacle.server.storage.machines.Machine;
import dev.tentacle.server.storage.tasks.Task;
import dev.tentacle.server.storage.tasks.TaskTarget;

/**
 * Runs one machine's part of a task of one kind. The caller has claimed the part and records the outcome.
 *
 * <p>The caller interrupts the running thread to cancel. Implementations must not touch the database from an
 * interrupted thread (an interrupt during file I/O can close an embedded H2 database): hand log lines to the
 * {@link TaskLogWriter}, and clear the interrupt before storing anything else.
 */
public interface TargetRunner {
    TargetOutcome run(Task task, TaskTarget target, Machine machine, TaskLogWriter log);
}

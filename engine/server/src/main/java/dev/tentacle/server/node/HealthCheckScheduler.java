package dev.tentacle.server.node;

import dev.tentacle.server.storage.Repositories;
import dev.tentacle.server.storage.StorageException;
import dev.tentacle.server.storage.machines.MachineId;
import dev.tentacle.server.storage.tasks.NewTask;
import dev.tentacle.server.storage.tasks.Task;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Queues a health check task for the machines whose scheduled check is due by their machine policy's interval. The
 * due machines are claimed in storage, so with several nodes each due check is queued once.
 */
final class HealthCheckScheduler {
    private static final Logger LOG = LoggerFactory.getLogger(HealthCheckScheduler.class);
    /** Machines per scheduled task; more due machines make several tasks. */
    static final int MACHINES_PER_TASK = 200;

    private final Repositories storage;
    private final String node;

    HealthCheckScheduler(Repositories storage, String node) {
        this.storage = storage;
        this.node = node;
    }

    /** Queues the due checks, if any; returns the task it queued. */
    Optional<Task> queueDue() {
        try {
            List<MachineId> due = storage.healthSchedule().claimDue(MACHINES_PER_TASK);
            if (due.isEmpty()) {
                return Optional.empty();
            }
            Task task = storage.tasks().create(NewTask.healthCheck("Scheduled health check of " + due.size()
                    + " machine(s)", "server node " + node + " (schedule)", due));
            LOG.info("Queued {} for {} machine(s) whose health check was due", task.id(), due.size());
            return Optional.of(task);
        } catch (StorageException e) {
            LOG.warn("Cannot queue the scheduled health checks now: {}. Trying again at the next round", e.getMessage());
            return Optional.empty();
        }
    }
}

package dev.tentacle.server.tasks;

import dev.tentacle.server.machines.HealthChecker;
import dev.tentacle.server.machines.MachinePolicies;
import dev.tentacle.server.storage.Repositories;
import dev.tentacle.server.storage.health.HealthCheckResult;
import dev.tentacle.server.storage.health.HealthStatus;
import dev.tentacle.server.storage.machines.Machine;
import dev.tentacle.server.storage.tasks.NewTaskLogLine;
import dev.tentacle.server.storage.tasks.Task;
import dev.tentacle.server.storage.tasks.TaskTarget;
import java.time.Clock;

/**
 * Health-checks one machine for a health check task, with its machine policy's retries, adds the result to the
 * machine's history, and writes a one-line summary to the task log. The part succeeds when the machine is healthy.
 */
public final class HealthCheckTargetRunner implements TargetRunner {
    private final HealthChecker checker;
    private final Repositories storage;
    private final Clock clock;

    public HealthCheckTargetRunner(HealthChecker checker, Repositories storage, Clock clock) {
        this.checker = checker;
        this.storage = storage;
        this.clock = clock;
    }

    @Override
    public TargetOutcome run(Task task, TaskTarget target, Machine machine, TaskLogWriter log) {
        HealthCheckResult result = checker.check(machine, MachinePolicies.retryPolicyOf(storage, machine));
        if (Thread.interrupted()) {
            return TargetOutcome.cancelled("Cancelled while checking " + machine.name() + "; no result was recorded");
        }
        storage.healthChecks().record(result);
        log.add(NewTaskLogLine.server(clock.instant(), summary(machine, result)));
        return result.status() == HealthStatus.HEALTHY ? TargetOutcome.succeeded(null)
                : TargetOutcome.failed(null, machine.name() + " is " + result.status() + ": " + result.reason());
    }

    /** {@code web01: HEALTHY in 12 ms, agent 1.2.3, 41.2 GiB free} or {@code web01: UNAVAILABLE: <reason>}. */
    static String summary(Machine machine, HealthCheckResult result) {
        StringBuilder text = new StringBuilder(machine.name()).append(": ").append(result.status());
        if (result.latency() != null) {
            text.append(" in ").append(result.latency().toMillis()).append(" ms");
        }
        if (result.agentVersion() != null) {
            text.append(", agent ").append(result.agentVersion());
        }
        if (result.freeDiskBytes() != null) {
            text.append(", ").append(HealthChecker.humanBytes(result.freeDiskBytes())).append(" free");
        }
        if (result.reason() != null) {
            text.append(": ").append(result.reason());
        }
        return text.toString();
    }
}

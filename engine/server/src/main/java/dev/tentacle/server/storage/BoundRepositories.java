package dev.tentacle.server.storage;

import dev.tentacle.server.storage.apikeys.ApiKeyRepository;
import dev.tentacle.server.storage.health.HealthCheckRepository;
import dev.tentacle.server.storage.health.HealthCheckSchedule;
import dev.tentacle.server.storage.internal.ConnectionScope;
import dev.tentacle.server.storage.machines.MachinePolicyRepository;
import dev.tentacle.server.storage.machines.MachineRepository;
import dev.tentacle.server.storage.nodes.ServerNodeRepository;
import dev.tentacle.server.storage.tasks.TaskLogRepository;
import dev.tentacle.server.storage.tasks.TaskRepository;
import java.time.InstantSource;

/** The repositories, all running in one connection scope. */
record BoundRepositories(
        MachineRepository machines,
        MachinePolicyRepository machinePolicies,
        HealthCheckRepository healthChecks,
        TaskRepository tasks,
        TaskLogRepository taskLogs,
        ApiKeyRepository apiKeys,
        HealthCheckSchedule healthSchedule,
        ServerNodeRepository nodes) implements Repositories {

    static BoundRepositories in(ConnectionScope scope, InstantSource clock) {
        return new BoundRepositories(
                new MachineRepository(scope, clock),
                new MachinePolicyRepository(scope, clock),
                new HealthCheckRepository(scope),
                new TaskRepository(scope, clock),
                new TaskLogRepository(scope),
                new ApiKeyRepository(scope, clock),
                new HealthCheckSchedule(scope, clock),
                new ServerNodeRepository(scope, clock));
    }
}

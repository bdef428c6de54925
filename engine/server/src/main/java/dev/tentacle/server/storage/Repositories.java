package dev.tentacle.server.storage;

import dev.tentacle.server.storage.apikeys.ApiKeyRepository;
import dev.tentacle.server.storage.health.HealthCheckRepository;
import dev.tentacle.server.storage.health.HealthCheckSchedule;
import dev.tentacle.server.storage.machines.MachinePolicyRepository;
import dev.tentacle.server.storage.machines.MachineRepository;
import dev.tentacle.server.storage.nodes.ServerNodeRepository;
import dev.tentacle.server.storage.tasks.TaskLogRepository;
import dev.tentacle.server.storage.tasks.TaskRepository;

/**
 * Everything the server stores. {@link Storage} gives repositories whose every call is a transaction of its own;
 * {@link Storage#inTransaction} gives the same repositories bound to one transaction.
 */
public interface Repositories {

    MachineRepository machines();

    MachinePolicyRepository machinePolicies();

    HealthCheckRepository healthChecks();

    TaskRepository tasks();

    TaskLogRepository taskLogs();

    ApiKeyRepository apiKeys();

    HealthCheckSchedule healthSchedule();

    ServerNodeRepository nodes();
}

package dev.tentacle.servermanager.machines;

import dev.tentacle.server.storage.Storage;
import dev.tentacle.server.storage.health.HealthCheckResult;
import dev.tentacle.server.storage.machines.Machine;
import dev.tentacle.server.storage.machines.MachineFilter;
import dev.tentacle.server.storage.machines.MachineId;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The machines of an instance as read at one moment: each with its newest health check, and the environments and
 * roles in use (sorted, ignoring case), for the filters.
 */
record MachineSnapshot(List<MachineRow> rows, List<String> environments, List<String> roles) {
    MachineSnapshot {
        rows = List.copyOf(rows);
        environments = List.copyOf(environments);
        roles = List.copyOf(roles);
    }

    /** Two queries: the machines by name, and the newest result of each. */
    static MachineSnapshot read(Storage storage) {
        List<Machine> machines = storage.machines().list(MachineFilter.all());
        Map<MachineId, HealthCheckResult> latest = storage.healthChecks().latestOfEachMachine();
        TreeSet<String> environments = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        TreeSet<String> roles = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (Machine machine : machines) {
            environments.addAll(machine.environments());
            roles.addAll(machine.roles());
        }
        return new MachineSnapshot(machines.stream().map(m -> new MachineRow(m, latest.get(m.id()))).toList(),
                List.copyOf(environments), List.copyOf(roles));
    }
}

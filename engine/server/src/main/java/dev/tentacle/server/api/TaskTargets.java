package dev.tentacle.server.api;

import dev.tentacle.server.storage.Storage;
import dev.tentacle.server.storage.machines.Machine;
import dev.tentacle.server.storage.machines.MachineFilter;
import dev.tentacle.server.storage.machines.MachineId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns the machine selection of a task request into registered machines, refusing an empty selection. */
final class TaskTargets {

    private static final int NAMES_IN_DESCRIPTION = 5;

    private final Storage storage;

    TaskTargets(Storage storage) {
        this.storage = storage;
    }

    List<Machine> forHealthCheck(HealthCheckRequest request) {
        boolean all = Boolean.TRUE.equals(request.all());
        boolean hasIds = request.machineIds() != null && !request.machineIds().isEmpty();
        if (all == hasIds) {
            throw ApiException.invalid("machineIds", "Give either machineIds (such as [\"Machines-1\"]) or "
                    + "\"all\": true, not both and not neither");
        }
        List<Machine> machines = all ? storage.machines().list(MachineFilter.all()) : byIds(request.machineIds());
        return requireSome(machines, "all", "There are no registered machines to check; register one first");
    }

    List<Machine> forScript(ScriptTaskRequest request) {
        boolean hasIds = request.machineIds() != null && !request.machineIds().isEmpty();
        boolean hasTags = notBlank(request.role()) || notBlank(request.environment());
        if (hasIds == hasTags) {
            throw ApiException.invalid("machineIds", "Give either machineIds (such as [\"Machines-1\"]) or a role "
                    + "and/or environment, not both and not neither");
        }
        if (hasIds) {
            return byIds(request.machineIds());
        }
        MachineFilter filter = MachineFilter.all().withRole(request.role()).withEnvironment(request.environment());
        return requireSome(storage.machines().list(filter), notBlank(request.role()) ? "role" : "environment",
                "No machine has role '" + request.role() + "' in environment '" + request.environment()
                        + "'; list machines with GET /api/machines?role=...&environment=... to check");
    }

    static String describe(List<Machine> machines) {
        List<String> names = machines.stream().limit(NAMES_IN_DESCRIPTION).map(Machine::name).toList();
        String shown = String.join(", ", names);
        int rest = machines.size() - names.size();
        return rest > 0 ? shown + " and " + rest + " more" : shown;
    }

    private List<Machine> byIds(List<String> texts) {
        Map<MachineId, Machine> found = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (String text : texts) {
            MachineId id = ApiIds.machine("machineIds", text);
            storage.machines().get(id).ifPresentOrElse(m -> found.put(id, m), () -> missing.add(id.toString()));
        }
        if (!missing.isEmpty()) {
            throw ApiException.invalid("machineIds", "These machines are not registered: " + missing
                    + "; list machines with GET /api/machines to find their ids");
        }
        return List.copyOf(found.values());
    }

    private static List<Machine> requireSome(List<Machine> machines, String field, String message) {
        if (machines.isEmpty()) {
            throw ApiException.invalid(field, message);
        }
        return machines;
    }

    private static boolean notBlank(String text) {
        return text != null && !text.isBlank();
    }
}

package dev.tentacle.server.api;

import dev.tentacle.server.storage.machines.Machine;
import java.time.Instant;
import java.util.List;

/** A machine as the API shows it. */
public record MachineResource(
        String id,
        String name,
        String communicationStyle,
        String uri,
        String thumbprint,
        List<String> environments,
        List<String> roles,
        List<String> tenants,
        String policyName,
        Instant created) {

    static MachineResource of(Machine machine) {
        return new MachineResource(machine.id().toString(), machine.name(), machine.communicationStyle().name(),
                machine.uri().toString(), machine.thumbprint().hex(), machine.environments(), machine.roles(),
                machine.tenants(), machine.policyName(), machine.created());
    }
}

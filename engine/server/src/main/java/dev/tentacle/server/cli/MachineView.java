package dev.tentacle.server.cli;

import dev.tentacle.server.storage.machines.Machine;
import java.util.List;

/** A machine as {@code machine} commands print it, in JSON. */
record MachineView(String id, String name, String communicationStyle, String uri, String thumbprint,
        List<String> environments, List<String> roles, List<String> tenants, String policy) {

    static MachineView of(Machine machine) {
        return new MachineView(machine.id().toString(), machine.name(), machine.communicationStyle().name(),
                machine.uri().toString(), machine.thumbprint().hex(), machine.environments(), machine.roles(),
                machine.tenants(), machine.policyName());
    }
}

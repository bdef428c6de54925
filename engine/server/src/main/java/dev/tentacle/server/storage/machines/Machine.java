package dev.tentacle.server.storage.machines;

import dev.tentacle.comms.Thumbprint;
import dev.tentacle.instances.config.CommunicationStyle;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A registered machine, as stored. Environments, roles and tenants are sorted case-insensitively.
 *
 * @param policyName the name of the machine policy that governs it
 */
public record Machine(
        MachineId id,
        String name,
        CommunicationStyle communicationStyle,
        URI uri,
        Thumbprint thumbprint,
        List<String> environments,
        List<String> roles,
        List<String> tenants,
        String policyName,
        Instant created) {

    public Machine {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(communicationStyle, "communicationStyle");
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(thumbprint, "thumbprint");
        environments = List.copyOf(environments);
        roles = List.copyOf(roles);
        tenants = List.copyOf(tenants);
        Objects.requireNonNull(policyName, "policyName");
        Objects.requireNonNull(created, "created");
    }
}

package dev.tentacle.tentacle.registration;

import dev.tentacle.instances.config.TrustedServer;
import java.util.List;
import java.util.Objects;

/**
 * What {@code deregister-from} did.
 *
 * @param server the server the machines were removed from
 * @param removed the machines with this Tentacle's thumbprint that were removed
 * @param trustRemoved the trust entries for the server that were removed from the instance's configuration
 */
public record Deregistration(ServerIdentity server, List<RegisteredMachine> removed, List<TrustedServer> trustRemoved) {
    public Deregistration {
        Objects.requireNonNull(server, "server");
        removed = List.copyOf(removed);
        trustRemoved = List.copyOf(trustRemoved);
    }
}

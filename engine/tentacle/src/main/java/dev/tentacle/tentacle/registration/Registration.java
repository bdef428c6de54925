package dev.tentacle.tentacle.registration;

import dev.tentacle.instances.config.TrustedServer;
import java.util.Objects;

/**
 * What {@code register-with} did.
 *
 * @param machine the machine as the server registered it
 * @param server the server, with the certificate this Tentacle now trusts
 * @param trustedServer the trust entry saved in the instance's configuration (for polling: where and as what it polls)
 * @param replaced the machine of the same name that {@code --force} removed first; null when there was none
 */
public record Registration(RegisteredMachine machine, ServerIdentity server, TrustedServer trustedServer,
        RegisteredMachine replaced) {
    public Registration {
        Objects.requireNonNull(machine, "machine");
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(trustedServer, "trustedServer");
    }
}

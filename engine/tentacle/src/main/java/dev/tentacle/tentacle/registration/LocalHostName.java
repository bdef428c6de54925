package dev.tentacle.tentacle.registration;

import dev.tentacle.instances.registry.HostEnvironment;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/** This machine's host name: the default machine name and public host name of a registration. */
public final class LocalHostName {
    private LocalHostName() {
    }

    /** The host name the OS reports, else {@code HOSTNAME} or {@code COMPUTERNAME}; empty when none is known. */
    public static Optional<String> of(HostEnvironment environment) {
        try {
            String name = InetAddress.getLocalHost().getHostName();
            if (name != null && !name.isBlank()) {
                return Optional.of(name.strip());
            }
        } catch (UnknownHostException | SecurityException e) {
            // Fall back to what the shell knows.
        }
        return environment.variable("HOSTNAME").or(() -> environment.variable("COMPUTERNAME"));
    }
}

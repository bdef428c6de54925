package dev.tentacle.server.admin;

import dev.tentacle.instances.config.ConfigurationException;
import dev.tentacle.instances.ports.PortOwners;
import dev.tentacle.instances.registry.InstanceName;
import dev.tentacle.instances.registry.InstanceRecord;
import dev.tentacle.instances.registry.InstanceRegistry;
import dev.tentacle.server.config.ServerConfiguration;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether a new server instance can listen on a port: free on this machine now (checked by binding it on all
 * addresses, the strictest case, and letting it go at once), naming the process that holds it when this system can
 * tell, and not the web or comms port of another registered server instance (which may be stopped now but would
 * clash when both run).
 */
public final class PortAvailability {
    private final InstanceRegistry registry;

    /** @param registry the server instance registry */
    public PortAvailability(InstanceRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    /**
     * What keeps the new instance from listening on this port, or empty when it can.
     *
     * @param what the port's role, for the message: "web port", "comms port"
     * @param instanceName the new instance, which is not compared with itself
     */
    public Optional<String> problem(int port, String what, String instanceName) {
        if (port < 1 || port > 65535) {
            return Optional.of("The " + what + " must be a number from 1 to 65535, was " + port + ".");
        }
        Optional<String> clash = otherInstanceOn(port, what, instanceName);
        return clash.isPresent() ? clash : inUse(port, what);
    }

    private Optional<String> otherInstanceOn(int port, String what, String instanceName) {
        for (InstanceRecord record : registry.list()) {
            if (instanceName != null && InstanceName.isValid(instanceName)
                    && InstanceName.same(record.name(), instanceName)) {
                continue;
            }
            try {
                ServerConfiguration other = ServerConfiguration.store().read(record.configFile());
                String role = other.webListen().port() == port ? "its web port"
                        : other.commsListenPort() == port ? "its comms port" : null;
                if (role != null) {
                    return Optional.of("The Octopus Server instance '" + record.name() + "' uses port " + port + " as "
                            + role + " (it may be stopped now, but the two would clash when both run). Choose another "
                            + what + ".");
                }
            } catch (ConfigurationException e) {
                // A damaged configuration says nothing about ports; the main window reports it.
            }
        }
        return Optional.empty();
    }

    /**
     * Whether something on this machine listens on the port now, naming it when this system can tell.
     *
     * @param what the port's role, for the message
     */
    public static Optional<String> inUse(int port, String what) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(port));
            return Optional.empty();
        } catch (BindException e) {
            String reason = e.getMessage() == null ? "" : e.getMessage();
            if (port < 1024 && reason.toLowerCase(Locale.ROOT).contains("permission")) {
                return Optional.of("Port " + port + " is below 1024, and only root may listen on those ports: choose"
                        + " a " + what + " of 1024 or above.");
            }
            String holder = PortOwners.listenerOnThisMachine(port)
                    .map(owner -> owner.isThisProcess() ? "this app itself (" + owner.describe() + ")" : owner.describe())
                    .orElse("another program");
            return Optional.of("Port " + port + " is in use on this machine by " + holder + ". Choose another " + what
                    + ", or stop that program" + (holder.equals("another program")
                            ? "; 'ss -ltnp' (Linux) or 'netstat -ano' (Windows) shows which program it is." : "."));
        } catch (IOException e) {
            return Optional.of("Could not check port " + port + ": " + e.getMessage() + ". Choose another " + what + ".");
        }
    }
}

package dev.tentacle.manager.wizard.install;

import dev.tentacle.instances.config.ConfigurationException;
import dev.tentacle.instances.config.TentacleConfiguration;
import dev.tentacle.instances.registry.InstanceName;
import dev.tentacle.instances.registry.InstanceRecord;
import dev.tentacle.instances.registry.InstanceRegistry;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether a new Tentacle can listen on a port: a number from 1 to 65535, free on this machine now (checked by binding
 * it on all addresses, as the Tentacle will), and not the port of another registered Tentacle instance (which may be
 * stopped now but would clash when both run).
 */
public final class ListeningPortCheck {
    private final InstanceRegistry registry;

    public ListeningPortCheck(InstanceRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    /** The port, when the text is one; empty otherwise (see {@link #problem}). */
    public static Optional<Integer> parse(String text) {
        try {
            int port = Integer.parseInt(text == null ? "" : text.strip());
            return port >= 1 && port <= 65535 ? Optional.of(port) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * What keeps the new instance from listening on this port, or empty when it can.
     *
     * @param instanceName the new instance, which is not compared with itself
     */
    public Optional<String> problem(String text, String instanceName) {
        String given = text == null ? "" : text.strip();
        if (given.isEmpty()) {
            return Optional.of("Give the port the Tentacle listens on; the usual one is "
                    + TentacleConfiguration.DEFAULT_LISTEN_PORT + ".");
        }
        Optional<Integer> parsed = parse(given);
        if (parsed.isEmpty()) {
            return Optional.of("'" + given + "' is not a port: give a number from 1 to 65535, such as "
                    + TentacleConfiguration.DEFAULT_LISTEN_PORT + ".");
        }
        int port = parsed.get();
        Optional<String> clash = otherInstanceOn(port, instanceName);
        if (clash.isPresent()) {
            return clash;
        }
        return bindProblem(port);
    }

    private Optional<String> otherInstanceOn(int port, String instanceName) {
        for (InstanceRecord record : registry.list()) {
            if (instanceName != null && InstanceName.isValid(instanceName) && InstanceName.same(record.name(), instanceName)) {
                continue;
            }
            try {
                TentacleConfiguration other = TentacleConfiguration.store().read(record.configFile());
                if (!other.noListen() && other.listenPort() == port) {
                    return Optional.of("The Tentacle instance '" + record.name() + "' is set to listen on port " + port
                            + " (it may be stopped now, but the two would clash when both run). Choose another port,"
                            + " such as " + (port == 65535 ? port - 1 : port + 1) + ".");
                }
            } catch (ConfigurationException e) {
                // A damaged configuration says nothing about ports; the main window reports it.
            }
        }
        return Optional.empty();
    }

    /** Binds the port on all addresses and lets it go at once. */
    static Optional<String> bindProblem(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(port));
            return Optional.empty();
        } catch (BindException e) {
            if (port < 1024 && e.getMessage() != null && e.getMessage().toLowerCase(java.util.Locale.ROOT).contains("permission")) {
                return Optional.of("Port " + port + " is below 1024, and only root may listen on those ports: choose"
                        + " a port of 1024 or above, such as " + TentacleConfiguration.DEFAULT_LISTEN_PORT + ".");
            }
            return Optional.of("Port " + port + " is in use by another program on this machine (" + e.getMessage()
                    + "). Choose another port, or stop that program; 'ss -ltnp' (Linux) or 'netstat -ano' (Windows)"
                    + " shows which program it is.");
        } catch (IOException e) {
            return Optional.of("Could not check port " + port + ": " + e.getMessage() + ". Choose another port.");
        }
    }
}

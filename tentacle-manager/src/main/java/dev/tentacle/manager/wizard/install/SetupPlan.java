package dev.tentacle.manager.wizard.install;

import dev.tentacle.comms.Thumbprint;
import dev.tentacle.instances.config.CommunicationStyle;
import dev.tentacle.instances.config.ProxyConfiguration;
import dev.tentacle.instances.registry.InstanceName;
import dev.tentacle.tentacle.registration.MachineTags;
import dev.tentacle.tentacle.registration.ServerConnection;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the setup wizard was told: what {@link SetupInstaller} sets up and {@link SetupScript} writes as
 * {@code tentacle} commands. Exactly one of {@code listening} and {@code polling} is present, matching {@code style}.
 *
 * @param instanceName the new instance's name
 * @param homeDirectory its home: configuration file, certificate, logs and work; absolute
 * @param applicationDirectory where deployed applications go; absolute
 * @param proxy the proxy for the Tentacle's outgoing connections (for polling, the polling connections too); disabled
 *     for none
 * @param listening for a listening Tentacle: its port, the server it trusts, and the firewall rule to add
 * @param polling for a polling Tentacle: the server to register with and how
 * @param installService install the OS service and start it at the end
 */
public record SetupPlan(String instanceName, CommunicationStyle style, Path homeDirectory, Path applicationDirectory,
        ProxyConfiguration proxy, Optional<Listening> listening, Optional<Polling> polling, boolean installService) {

    public SetupPlan {
        InstanceName.problem(instanceName).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
        Objects.requireNonNull(style, "style");
        requireAbsolute("homeDirectory", homeDirectory);
        requireAbsolute("applicationDirectory", applicationDirectory);
        homeDirectory = homeDirectory.normalize();
        applicationDirectory = applicationDirectory.normalize();
        proxy = Objects.requireNonNullElseGet(proxy, ProxyConfiguration::disabled);
        Objects.requireNonNull(listening, "listening");
        Objects.requireNonNull(polling, "polling");
        if (style == CommunicationStyle.LISTENING != listening.isPresent()
                || style == CommunicationStyle.POLLING != polling.isPresent()) {
            throw new IllegalArgumentException("A " + style + " plan needs exactly the " + style.name().toLowerCase(
                    java.util.Locale.ROOT) + " settings.");
        }
    }

    /**
     * A listening Tentacle's own settings.
     *
     * @param port the port it listens on
     * @param serverThumbprint the Octopus Server it trusts to connect
     * @param firewallRule the rule to add so the server can reach the port; empty to add none
     */
    public record Listening(int port, Thumbprint serverThumbprint, Optional<FirewallRule> firewallRule) {
        public Listening {
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("The listening port must be between 1 and 65535, was " + port + ".");
            }
            Objects.requireNonNull(serverThumbprint, "serverThumbprint");
            Objects.requireNonNull(firewallRule, "firewallRule");
        }
    }

    /**
     * A polling Tentacle's registration.
     *
     * @param server the server's API, its key, and the server certificate's thumbprint, pinned (given by the user, or
     *     learned when the wizard checked the server)
     * @param machineName the machine's name on the server
     * @param tags its environments, roles and machine policy
     */
    public record Polling(ServerConnection server, String machineName, MachineTags tags) {
        public Polling {
            Objects.requireNonNull(server, "server");
            if (server.serverThumbprint() == null) {
                throw new IllegalArgumentException("The server's thumbprint must be known before registering: check the"
                        + " server first.");
            }
            if (machineName == null || machineName.isBlank()) {
                throw new IllegalArgumentException("The machine needs a name on the Octopus Server.");
            }
            machineName = machineName.strip();
            tags = tags == null ? MachineTags.none() : tags;
        }
    }

    /** The default application directory for a home: {@code HOME/Applications}, as the configuration defaults it. */
    public static Path defaultApplicationDirectory(Path home) {
        return home.resolve(dev.tentacle.instances.config.TentacleConfiguration.APPLICATIONS_DIRECTORY);
    }

    private static void requireAbsolute(String what, Path path) {
        if (path == null || !path.isAbsolute()) {
            throw new IllegalArgumentException(what + " must be an absolute path, was " + path + ".");
        }
    }
}

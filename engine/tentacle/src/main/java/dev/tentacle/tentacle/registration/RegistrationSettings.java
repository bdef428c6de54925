package dev.tentacle.tentacle.registration;

import dev.tentacle.instances.config.CommunicationStyle;
import java.util.Objects;

/**
 * What {@code register-with} registers, and where.
 *
 * @param server how to reach the Octopus Server's API
 * @param machineName the machine's name on the server, unique there ignoring case
 * @param style LISTENING (the server connects to this Tentacle) or POLLING (this Tentacle connects to the server)
 * @param tags environments, roles, tenants and machine policy
 * @param publicHostName listening: the host name or address the server connects to
 * @param tentacleCommsPort listening: the port the server connects to; null for the instance's listening port
 * @param serverCommsAddress polling: the host name, or {@code https://HOST:PORT/}, of the server's polling endpoint;
 *     null for the host of the server's API address
 * @param serverCommsPort polling: the server's polling port; null for the port the server reports (or the one in
 *     {@code serverCommsAddress})
 * @param force replace a machine of the same name instead of failing
 */
public record RegistrationSettings(ServerConnection server, String machineName, CommunicationStyle style,
        MachineTags tags, String publicHostName, Integer tentacleCommsPort, String serverCommsAddress,
        Integer serverCommsPort, boolean force) {
    public RegistrationSettings {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(style, "style");
        if (machineName == null || machineName.isBlank()) {
            throw new IllegalArgumentException("The machine needs a name on the Octopus Server: give --name NAME.");
        }
        machineName = machineName.strip();
        tags = tags == null ? MachineTags.none() : tags;
        if (style == CommunicationStyle.LISTENING && (publicHostName == null || publicHostName.isBlank())) {
            throw new IllegalArgumentException("A listening Tentacle needs the host name the Octopus Server connects to:"
                    + " give --publicHostName HOST.");
        }
        publicHostName = publicHostName == null ? null : publicHostName.strip();
        checkPort("--tentacle-comms-port", tentacleCommsPort);
        checkPort("--server-comms-port", serverCommsPort);
    }

    private static void checkPort(String option, Integer port) {
        if (port != null && (port < 1 || port > 65535)) {
            throw new IllegalArgumentException(option + " must be between 1 and 65535, was " + port + ".");
        }
    }
}

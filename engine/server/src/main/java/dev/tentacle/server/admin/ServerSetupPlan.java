package dev.tentacle.server.admin;

import dev.tentacle.server.config.ServerConfiguration;
import dev.tentacle.server.config.WebListenAddress;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A new Octopus Server instance, as the setup wizard describes it; {@link ServerSetup} installs it and
 * {@link ServerSetupScript} gives the equivalent commands.
 *
 * @param instanceName the new instance's name
 * @param homeDirectory its home directory (configuration, certificate, logs, the embedded database); absolute
 * @param storage where it keeps its data
 * @param webListen where its web interface and API listen
 * @param commsListenPort the port polling Tentacles connect to
 * @param apiKeyName the name of the administrator's API key the setup creates
 * @param installService whether to install and start the OS service
 */
public record ServerSetupPlan(String instanceName, Path homeDirectory, StorageChoice storage,
        WebListenAddress webListen, int commsListenPort, String apiKeyName, boolean installService) {

    public ServerSetupPlan {
        Objects.requireNonNull(instanceName, "instanceName");
        Objects.requireNonNull(homeDirectory, "homeDirectory");
        Objects.requireNonNull(storage, "storage");
        Objects.requireNonNull(webListen, "webListen");
        Objects.requireNonNull(apiKeyName, "apiKeyName");
        if (!homeDirectory.isAbsolute()) {
            throw new IllegalArgumentException("The home directory must be a full path, was '" + homeDirectory + "'.");
        }
        homeDirectory = homeDirectory.normalize();
        // The same checks as the configuration file's: the ports differ and are valid.
        ServerConfiguration.defaults(homeDirectory).withWebListen(webListen).withCommsListenPort(commsListenPort);
    }

    /** The configuration change the setup applies after creating the instance. */
    public ServerConfigurationChange configurationChange() {
        ServerConfigurationChange change = ServerConfigurationChange.none().withWebListen(webListen)
                .withCommsListenPort(commsListenPort);
        return storage instanceof StorageChoice.Embedded ? change : change.withStorage(storage);
    }
}

package dev.tentacle.server.admin;

import dev.tentacle.server.config.ServerCertificates;
import dev.tentacle.server.config.ServerConfiguration;
import dev.tentacle.server.storage.Storage;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * An Octopus Server instance: its name and configuration file, and what is opened from them (configuration,
 * certificates, storage). The command line and the Octopus Server Manager both work through it.
 *
 * @param name the instance name, as registered (or as given, with {@code --config})
 * @param configFile the absolute path of its configuration file
 */
public record ServerInstance(String name, Path configFile) {
    public ServerInstance {
        Objects.requireNonNull(name, "name");
        configFile = configFile.toAbsolutePath().normalize();
    }

    public ServerConfiguration configuration() {
        return ServerConfiguration.store().read(configFile);
    }

    public ServerConfiguration update(UnaryOperator<ServerConfiguration> change) {
        return ServerConfiguration.store().update(configFile, change);
    }

    /** The name as a command-line argument: in double quotes when it contains a space. */
    public String shellQuotedName() {
        return name.contains(" ") ? '"' + name + '"' : name;
    }

    public ServerCertificates certificates() {
        return new ServerCertificates(name);
    }

    /**
     * Opens the instance's storage, migrating its schema; the caller closes it.
     *
     * @throws dev.tentacle.server.storage.StorageUnavailableException when the database cannot be reached
     */
    public Storage openStorage() {
        return Storage.open(configuration().storage());
    }
}

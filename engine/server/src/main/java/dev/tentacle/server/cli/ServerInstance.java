package dev.tentacle.server.cli;

import dev.tentacle.server.config.ServerCertificates;
import dev.tentacle.server.config.ServerConfiguration;
import dev.tentacle.server.storage.Storage;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * The Octopus Server instance a command works on.
 *
 * @param name the instance name, as registered (or as given, with {@code --config})
 * @param configFile the absolute path of its configuration file
 */
record ServerInstance(String name, Path configFile) {
    ServerInstance {
        Objects.requireNonNull(name, "name");
        configFile = configFile.toAbsolutePath().normalize();
    }

    ServerConfiguration configuration() {
        return ServerConfiguration.store().read(configFile);
    }

    ServerConfiguration update(UnaryOperator<ServerConfiguration> change) {
        return ServerConfiguration.store().update(configFile, change);
    }

    ServerCertificates certificates() {
        return new ServerCertificates(name);
    }

    /**
     * Opens the instance's storage, migrating its schema; the caller closes it.
     *
     * @throws dev.tentacle.server.storage.StorageUnavailableException when the database cannot be reached
     */
    Storage openStorage() {
        return Storage.open(configuration().storage());
    }
}

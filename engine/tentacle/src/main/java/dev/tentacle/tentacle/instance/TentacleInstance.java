package dev.tentacle.tentacle.instance;

import dev.tentacle.comms.certificates.CertificateIdentity;
import dev.tentacle.instances.certificates.InstanceCertificates;
import dev.tentacle.instances.config.TentacleConfiguration;
import dev.tentacle.instances.service.ServiceName;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * A Tentacle instance that a command works on: its name and its configuration file, whether found in the registry
 * or given directly with {@code --config}.
 *
 * @param name the instance name, as registered (or as given, with {@code --config})
 * @param configFile the absolute path of its configuration file
 */
public record TentacleInstance(String name, Path configFile) {
    public TentacleInstance {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(configFile, "configFile");
        configFile = configFile.toAbsolutePath().normalize();
    }

    /**
     * Reads the configuration file.
     *
     * @throws dev.tentacle.instances.config.ConfigurationException naming the file and what to do, when it is missing
     *     or damaged
     */
    public TentacleConfiguration configuration() {
        return TentacleConfiguration.store().read(configFile);
    }

    /** Reads, changes and writes the configuration file under its lock; returns what was written. */
    public TentacleConfiguration update(UnaryOperator<TentacleConfiguration> change) {
        return TentacleConfiguration.store().update(configFile, change);
    }

    /** This instance's certificates: generate, import, load. */
    public InstanceCertificates certificates() {
        return InstanceCertificates.forInstance(name);
    }

    /**
     * Loads the certificate and private key this instance presents.
     *
     * @throws dev.tentacle.comms.certificates.CertificateStoreException saying how to create one, when it has none
     */
    public CertificateIdentity identity(TentacleConfiguration configuration) {
        return certificates().load(configuration);
    }

    /** The name of this instance's OS service. */
    public ServiceName serviceName() {
        return ServiceName.tentacle(name);
    }
}

package dev.tentacle.server.admin;

import dev.tentacle.comms.CertificateThumbprints;
import dev.tentacle.instances.ApplicationKind;
import dev.tentacle.instances.registry.InstanceRecord;
import dev.tentacle.instances.registry.InstanceRegistry;
import dev.tentacle.server.config.ServerConfiguration;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Creates Octopus Server instances as {@code octopus-server create-instance} and {@code new-certificate} do: a registry
 * entry, a configuration file with the defaults (web interface on https://localhost:8443/, comms on 10943, the
 * embedded database in HOME/Database), the home directory, and the certificate.
 */
public final class ServerInstanceSetup {
    private final InstanceRegistry registry;

    public ServerInstanceSetup(InstanceRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    /**
     * What {@link #create} did.
     *
     * @param homeDirectory the instance's home directory (an existing configuration file's own, when one was registered)
     * @param createdConfigFile true when a configuration file with the defaults was written; false when an existing one
     *     was registered as it is, or the instance already existed with this file
     * @param alreadyExisted true when the instance was registered with this file already and nothing changed
     */
    public record Created(ServerInstance instance, Path homeDirectory, boolean createdConfigFile,
            boolean alreadyExisted) {
    }

    /**
     * Registers the instance and writes its default configuration; an existing configuration file is registered as it
     * is, and an instance already registered with the same file is left alone.
     *
     * @param name the instance name; null for the default, OctopusServer
     * @param home its home directory; null for the directory of {@code config}, else a directory in the registry
     * @param config its configuration file; null for OctopusServer.config.json in the home directory
     * @throws dev.tentacle.instances.registry.InstanceRegistryException when another instance has the name
     * @throws UncheckedIOException when the home directory cannot be created; nothing is left registered
     */
    public Created create(String name, Path home, Path config) {
        String instanceName = name == null ? ApplicationKind.SERVER.defaultInstanceName() : name;
        Path homeDirectory = home != null ? home.toAbsolutePath().normalize()
                : config != null ? config.toAbsolutePath().normalize().getParent()
                : registry.defaultHomeDirectory(instanceName);
        Path file = (config != null ? config : ApplicationKind.SERVER.configFileIn(homeDirectory))
                .toAbsolutePath().normalize();
        Optional<InstanceRecord> registered = registry.find(instanceName).filter(r -> r.configFile().equals(file));
        if (registered.isPresent()) {
            ServerInstance instance = new ServerInstance(registered.get().name(), file);
            return new Created(instance, instance.configuration().homeDirectory(), false, true);
        }
        Optional<ServerConfiguration> existing = ServerConfiguration.store().readIfExists(file);
        InstanceRecord record = registry.create(instanceName, file);
        if (existing.isEmpty()) {
            try {
                Files.createDirectories(homeDirectory);
                ServerConfiguration.store().write(record.configFile(), ServerConfiguration.defaults(homeDirectory));
            } catch (IOException e) {
                registry.delete(record.name());
                throw new UncheckedIOException("Could not create the home directory " + homeDirectory + ": " + e
                        + ". The instance was not created; choose a writable home directory (--home on the command line).", e);
            } catch (RuntimeException e) {
                registry.delete(record.name());
                throw e;
            }
        }
        ServerInstance instance = new ServerInstance(record.name(), record.configFile());
        return new Created(instance, existing.map(ServerConfiguration::homeDirectory).orElse(homeDirectory),
                existing.isEmpty(), false);
    }

    /**
     * What {@link #newCertificate} did.
     *
     * @param configuration the saved configuration, naming the certificate file
     * @param generated false when {@code ifBlank} kept a certificate the instance had
     */
    public record Certificate(ServerConfiguration configuration, CertificateThumbprints thumbprints,
            boolean generated) {
        public Path file() {
            return configuration.certificate().file();
        }
    }

    /**
     * Generates a new self-signed certificate for the instance in HOME/Certificates/server.pfx, keeping one it replaces
     * as server.pfx.bak. Replacing a certificate changes the server's thumbprint.
     *
     * @param ifBlank only generate one when the instance has none
     */
    public static Certificate newCertificate(ServerInstance instance, boolean ifBlank) {
        boolean hadCertificate = instance.configuration().certificate() != null;
        ServerConfiguration saved = instance.update(c -> instance.certificates().newCertificate(c, ifBlank));
        CertificateThumbprints thumbprints = instance.certificates().load(saved).thumbprints();
        return new Certificate(saved, thumbprints, !(ifBlank && hadCertificate));
    }
}

package dev.tentacle.tentacle.instance;

import dev.tentacle.instances.config.TentacleConfiguration;
import dev.tentacle.instances.ApplicationKind;
import dev.tentacle.instances.registry.InstanceRecord;
import dev.tentacle.instances.registry.InstanceRegistry;
import dev.tentacle.instances.registry.InstanceRegistryException;
import dev.tentacle.instances.registry.InstanceRegistryException.Reason;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Creates Tentacle instances: registers the name and writes a configuration file with the defaults. It does not
 * create a certificate; that is a separate step ({@code new-certificate}), as in Octopus Tentacle.
 */
public final class InstanceSetup {
    private final InstanceRegistry registry;

    public InstanceSetup(InstanceRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
        if (registry.kind() != ApplicationKind.TENTACLE) {
            throw new IllegalArgumentException("InstanceSetup creates Tentacle instances; got the " + registry.kind()
                    + " registry.");
        }
    }

    /** What {@link #create} did. */
    public enum Outcome {
        /** Registered the name and wrote a new configuration file. */
        CREATED,
        /** Registered the name for a configuration file that already existed, leaving the file unchanged. */
        REGISTERED_EXISTING_FILE,
        /** The instance was already registered with this configuration file: nothing changed. */
        ALREADY_REGISTERED
    }

    /**
     * The result of {@link #create}.
     *
     * @param homeDirectory the instance's home, or empty when the instance already existed and its file was not read
     */
    public record Created(TentacleInstance instance, Optional<Path> homeDirectory, Outcome outcome) {
    }

    /**
     * Creates an instance, or confirms one that already exists exactly as asked.
     *
     * @param name the instance name
     * @param homeDirectory its home; null for the directory of {@code configFile} if given, else the registry's
     *     default home for the name
     * @param configFile its configuration file; null for {@code Tentacle.config.json} in the home directory given, else
     *     the registry's default
     * @throws dev.tentacle.instances.registry.InstanceRegistryException when the name is invalid or taken by an
     *     instance with another configuration file, or the file belongs to another instance
     * @throws IllegalArgumentException when the configuration file exists with a different home directory
     */
    public Created create(String name, Path homeDirectory, Path configFile) {
        Path home = homeDirectory == null ? null : absolute(homeDirectory);
        Optional<InstanceRecord> existing = registry.find(name);
        // Names ignore case: "web01" finds "Web01", whose default file is under "Web01".
        String registeredName = existing.map(InstanceRecord::name).orElse(name);
        Path file = configFile != null ? absolute(configFile)
                : home != null ? ApplicationKind.TENTACLE.configFileIn(home)
                : registry.defaultConfigFile(registeredName);
        if (existing.isPresent() && existing.get().configFile().equals(file)) {
            var instance = new TentacleInstance(existing.get().name(), file);
            if (home == null) {
                return new Created(instance, Optional.empty(), Outcome.ALREADY_REGISTERED);
            }
            requireSameHome(instance.configuration(), home, file);
            return new Created(instance, Optional.of(home), Outcome.ALREADY_REGISTERED);
        }
        if (existing.isPresent()) {
            throw new InstanceRegistryException(Reason.ALREADY_EXISTS, name, "A Tentacle instance named '"
                    + existing.get().name() + "' already exists, with the configuration file "
                    + existing.get().configFile() + " (not " + file + "). Use it as it is, choose another name, or"
                    + " delete it first with: tentacle delete-instance --instance " + quoted(existing.get().name()));
        }
        Path resolvedHome = home != null ? home : configFile != null ? file.getParent() : registry.defaultHomeDirectory(name);
        if (Files.exists(file)) {
            TentacleConfiguration kept = TentacleConfiguration.store().read(file);
            if (home != null) {
                requireSameHome(kept, home, file);
            }
            InstanceRecord record = registry.create(name, file);
            return new Created(new TentacleInstance(record.name(), file), Optional.of(kept.homeDirectory()),
                    Outcome.REGISTERED_EXISTING_FILE);
        }
        InstanceRecord record = registry.create(name, file);
        try {
            Files.createDirectories(resolvedHome);
            TentacleConfiguration.store().write(file, TentacleConfiguration.defaults(resolvedHome));
        } catch (IOException e) {
            registry.delete(record.name());
            throw new UncheckedIOException("Could not create the home directory " + resolvedHome + " of the Tentacle"
                    + " instance '" + name + "': " + e + ". The instance was not created; choose a writable directory"
                    + " with --home and try again.", e);
        } catch (RuntimeException e) {
            registry.delete(record.name());
            throw e;
        }
        return new Created(new TentacleInstance(record.name(), file), Optional.of(resolvedHome), Outcome.CREATED);
    }

    private static void requireSameHome(TentacleConfiguration configuration, Path home, Path file) {
        if (!configuration.homeDirectory().equals(home)) {
            throw new IllegalArgumentException("The configuration file " + file + " already exists with the home"
                    + " directory " + configuration.homeDirectory() + ", not " + home + ". Leave out --home to use it as"
                    + " it is, and change the home afterwards with: tentacle configure --home DIR");
        }
    }

    private static String quoted(String argument) {
        return argument.contains(" ") ? '"' + argument + '"' : argument;
    }

    private static Path absolute(Path path) {
        return path.toAbsolutePath().normalize();
    }
}

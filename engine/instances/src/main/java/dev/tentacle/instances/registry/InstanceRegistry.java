package dev.tentacle.instances.registry;

import dev.tentacle.instances.ApplicationKind;
import dev.tentacle.instances.config.ConfigurationException;
import dev.tentacle.instances.config.ConfigurationStore;
import dev.tentacle.instances.registry.InstanceRegistryException.Reason;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * The named instances of one {@link ApplicationKind} on this machine: which names exist and where each one's
 * configuration file is. The index is a JSON file ({@code REGISTRY/KIND/instances.json}, see
 * {@link InstanceLocations}) written through a {@link ConfigurationStore}: atomically, owner-only, with the previous
 * version kept as {@code instances.json.bak}, and locked against concurrent changes.
 *
 * <p>The registry only records names and paths. Creating an instance's configuration file, certificate and service,
 * and deleting them, is the caller's work.
 */
public final class InstanceRegistry {
    private final InstanceLocations locations;
    private final ApplicationKind kind;
    private final ConfigurationStore<InstanceIndex> store;

    public InstanceRegistry(InstanceLocations locations, ApplicationKind kind) {
        this.locations = Objects.requireNonNull(locations, "locations");
        this.kind = Objects.requireNonNull(kind, "kind");
        this.store = ConfigurationStore.of(InstanceIndex.class, kind.displayName() + " instance registry")
                .withRecoveryHint("If no good copy exists, move the file aside and register each instance again with: "
                        + kind.commandName() + " create-instance --instance NAME --config CONFIG-FILE"
                        + " (the instances' configuration files are not affected).");
    }

    /** The registry of this kind at the location for this process (see {@link InstanceLocations#current()}). */
    public static InstanceRegistry current(ApplicationKind kind) {
        return new InstanceRegistry(InstanceLocations.current(), kind);
    }

    public ApplicationKind kind() {
        return kind;
    }

    public InstanceLocations locations() {
        return locations;
    }

    /** The index file this registry reads and writes. */
    public Path indexFile() {
        return locations.indexFile(kind);
    }

    /** The default configuration file for a new instance with this name. */
    public Path defaultConfigFile(String name) {
        requireValidName(name);
        return locations.defaultConfigFile(kind, name);
    }

    /** The default home directory for a new instance with this name. */
    public Path defaultHomeDirectory(String name) {
        requireValidName(name);
        return locations.defaultHomeDirectory(kind, name);
    }

    /** Registers an instance whose configuration file is at the default location. */
    public InstanceRecord create(String name) {
        return create(name, null);
    }

    /**
     * Registers an instance.
     *
     * @param configFile its configuration file, made absolute; null for {@link #defaultConfigFile(String)}
     * @throws InstanceRegistryException when the name is invalid, taken (ignoring case), or the file is another
     *     instance's
     * @throws ConfigurationException when the index cannot be read or written
     */
    public InstanceRecord create(String name, Path configFile) {
        requireValidName(name);
        Path file = (configFile == null ? defaultConfigFile(name) : configFile).toAbsolutePath().normalize();
        var record = new InstanceRecord(name, file);
        store.updateOrCreate(indexFile(), InstanceIndex::empty, index -> {
            index.find(name).ifPresent(existing -> {
                throw new InstanceRegistryException(Reason.ALREADY_EXISTS, name, "A " + kind.displayName()
                        + " instance named '" + existing.name() + "' already exists"
                        + (existing.name().equals(name) ? "" : " (names are compared regardless of case)")
                        + ", with the configuration file " + existing.configFile() + ". Choose another name, or delete"
                        + " it first with: " + kind.commandName() + " delete-instance --instance " + quoted(existing.name()));
            });
            index.instances().stream().filter(r -> r.configFile().equals(file)).findFirst().ifPresent(other -> {
                throw new InstanceRegistryException(Reason.CONFIG_FILE_IN_USE, name, "The configuration file " + file
                        + " already belongs to the instance '" + other.name() + "'; two instances cannot share one."
                        + " Give the new instance its own file with --config, or use '" + other.name() + "'.");
            });
            return index.with(record);
        });
        return record;
    }

    /**
     * Removes an instance from the registry. Its configuration file and home directory are left in place.
     *
     * @return the removed entry
     * @throws InstanceRegistryException when no instance has the name
     */
    public InstanceRecord delete(String name) {
        var removed = new AtomicReference<InstanceRecord>();
        store.update(requireIndexFile(name), index -> {
            removed.set(index.find(name).orElseThrow(() -> notFound(name, index)));
            return index.without(name);
        });
        return removed.get();
    }

    /** The registered instances, sorted by name ignoring case; empty when there is no index yet. */
    public List<InstanceRecord> list() {
        return readIndex().instances();
    }

    /** The instance with this name, ignoring case; empty for unknown or invalid names. */
    public Optional<InstanceRecord> find(String name) {
        if (!InstanceName.isValid(name)) {
            return Optional.empty();
        }
        return readIndex().find(name);
    }

    /**
     * The instance with this name, ignoring case.
     *
     * @throws InstanceRegistryException naming the known instances and how to create this one, when there is none
     */
    public InstanceRecord get(String name) {
        InstanceIndex index = readIndex();
        return (InstanceName.isValid(name) ? index.find(name) : Optional.<InstanceRecord>empty())
                .orElseThrow(() -> notFound(name, index));
    }

    private InstanceIndex readIndex() {
        return store.readIfExists(indexFile()).orElseGet(InstanceIndex::empty);
    }

    private Path requireIndexFile(String name) {
        Path file = indexFile();
        if (!Files.exists(file)) {
            throw notFound(name, InstanceIndex.empty());
        }
        return file;
    }

    private InstanceRegistryException notFound(String name, InstanceIndex index) {
        String known = index.instances().isEmpty() ? "none"
                : index.instances().stream().map(InstanceRecord::name).collect(Collectors.joining(", "));
        String create = InstanceName.isValid(name)
                ? " Create one with: " + kind.commandName() + " create-instance --instance " + quoted(name) + " --config "
                        + quoted(locations.defaultConfigFile(kind, name).toString())
                : " " + InstanceName.problem(name).orElseThrow();
        return new InstanceRegistryException(Reason.NOT_FOUND, name, "No " + kind.displayName() + " instance named '"
                + name + "'. Known instances: " + known + ". The registry is " + locations.describe() + "." + create);
    }

    /** A shell argument: in double quotes when it contains a space. */
    private static String quoted(String argument) {
        return argument.contains(" ") ? '"' + argument + '"' : argument;
    }

    private void requireValidName(String name) {
        InstanceName.problem(name).ifPresent(problem -> {
            throw new InstanceRegistryException(Reason.INVALID_NAME, name, problem);
        });
    }
}

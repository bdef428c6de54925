package dev.tentacle.server.admin;

import dev.tentacle.instances.ApplicationKind;
import dev.tentacle.instances.config.ConfigurationException;
import dev.tentacle.instances.config.ConfigurationStore;
import dev.tentacle.instances.registry.InstanceRecord;
import dev.tentacle.instances.registry.InstanceRegistry;
import dev.tentacle.instances.service.ServiceManager;
import dev.tentacle.instances.service.ServiceName;
import dev.tentacle.instances.service.ServiceStatus;
import dev.tentacle.server.config.ServerConfiguration;
import dev.tentacle.server.storage.DatabaseKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Removes an Octopus Server instance, in one of two ways.
 *
 * <ul>
 *   <li>{@link #delete} removes the registry entry only, as {@code octopus-server delete-instance} does: the
 *       configuration file, home directory, certificate and database are kept, and the OS service is not looked at.</li>
 *   <li>{@link #plan} says what there is to remove (the OS service, the registry entry, the configuration file, the
 *       embedded database) so that a person can confirm it, and {@link #remove} then stops and removes the service,
 *       removes the registry entry and the configuration file and, when asked, deletes the embedded H2 database, as
 *       the Octopus Server Manager's Delete instance does. The home directory with the certificate is kept; a
 *       PostgreSQL database is never dropped. The H2 database is only deleted when it lies in the instance's home
 *       directory and no other registered instance uses it.</li>
 * </ul>
 *
 * <p>Whoever has the instance's storage open closes it when {@link #remove} says so (its {@code releaseStorage}),
 * after the service has stopped and before the configuration and the database are deleted.
 */
public final class ServerInstanceRemoval {
    private final InstanceRegistry registry;
    private final Supplier<ServiceManager> services;

    /**
     * @param services the OS service manager, made only when a method needs it ({@link #delete} does not)
     */
    public ServerInstanceRemoval(InstanceRegistry registry, Supplier<ServiceManager> services) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.services = Objects.requireNonNull(services, "services");
        if (registry.kind() != ApplicationKind.SERVER) {
            throw new IllegalArgumentException("ServerInstanceRemoval deletes Octopus Server instances; got the "
                    + registry.kind() + " registry.");
        }
    }

    /** What {@link #delete} removed: the registry entry; everything else is where it was. */
    public record Removed(InstanceRecord record) {
        public Removed {
            Objects.requireNonNull(record, "record");
        }
    }

    /**
     * Removes the registry entry only, keeping the configuration file, the home directory and the database.
     *
     * @throws dev.tentacle.instances.registry.InstanceRegistryException naming the known instances, when there is
     *     none of that name
     */
    public Removed delete(String name) {
        return new Removed(registry.delete(name));
    }

    /**
     * What removing one instance involves.
     *
     * @param record the registry entry
     * @param serviceStatus the OS service's status when the plan was made
     * @param servicesSupported whether this machine's service manager can change services
     * @param servicesDescription how services are managed here, or why they cannot be
     * @param configuration the instance's configuration; empty when its file cannot be read
     * @param configurationProblem why the configuration file cannot be read; empty when it can
     * @param database where its data is; empty when the configuration cannot be read
     * @param configurationKeptBecause why the configuration file stays; empty when it is deleted
     * @param databaseKeptBecause why the database cannot be deleted with the instance; empty when it can be
     */
    public record Plan(InstanceRecord record, ServiceStatus serviceStatus, boolean servicesSupported,
            String servicesDescription, Optional<ServerConfiguration> configuration,
            Optional<String> configurationProblem, Optional<ServerDatabase> database,
            Optional<String> configurationKeptBecause, Optional<String> databaseKeptBecause) {

        public Plan {
            Objects.requireNonNull(record, "record");
            Objects.requireNonNull(serviceStatus, "serviceStatus");
            Objects.requireNonNull(servicesDescription, "servicesDescription");
            Objects.requireNonNull(configuration, "configuration");
            Objects.requireNonNull(configurationProblem, "configurationProblem");
            Objects.requireNonNull(database, "database");
            Objects.requireNonNull(configurationKeptBecause, "configurationKeptBecause");
            Objects.requireNonNull(databaseKeptBecause, "databaseKeptBecause");
        }

        public ServiceName service() {
            return ServiceName.octopusServer(record.name());
        }

        /** True when the OS service may be installed and can be removed here. */
        public boolean removesService() {
            return servicesSupported && serviceStatus.state() != ServiceStatus.State.NOT_INSTALLED;
        }

        public Optional<Path> homeDirectory() {
            return configuration.map(ServerConfiguration::homeDirectory);
        }

        /** The configuration file with its backup and lock files, deleted with the instance; empty when kept. */
        public List<Path> configurationFiles() {
            if (configurationKeptBecause.isPresent()) {
                return List.of();
            }
            Path config = record.configFile();
            return List.of(config, ConfigurationStore.backupOf(config),
                    config.resolveSibling(config.getFileName() + ".lock"));
        }

        /** True when the embedded H2 database can be deleted along with the instance. */
        public boolean canDeleteDatabase() {
            return databaseKeptBecause.isEmpty();
        }

        /** The H2 database's files, deleted when asked; empty when {@link #canDeleteDatabase()} is false. */
        public List<Path> databaseFiles() {
            return canDeleteDatabase() ? database.orElseThrow().h2Files() : List.of();
        }
    }

    /**
     * What {@link #remove} did.
     *
     * @param deletedFiles the files that existed and were deleted
     * @param notes what was left in place and why, for people
     */
    public record Completed(String instance, boolean serviceRemoved, List<Path> deletedFiles, List<String> notes) {
        public Completed {
            Objects.requireNonNull(instance, "instance");
            deletedFiles = List.copyOf(deletedFiles);
            notes = List.copyOf(notes);
        }
    }

    /**
     * Looks at the instance without changing anything.
     *
     * @throws dev.tentacle.instances.registry.InstanceRegistryException naming the known instances, when there is
     *     none of that name
     */
    public Plan plan(String name) {
        InstanceRecord record = registry.get(name);
        ServiceManager manager = services.get();
        ServiceStatus status = manager.isSupported() ? manager.status(ServiceName.octopusServer(record.name()))
                : ServiceStatus.unknown(manager.describe());
        Optional<ServerConfiguration> configuration;
        Optional<String> problem;
        try {
            configuration = Optional.of(ServerConfiguration.store().read(record.configFile()));
            problem = Optional.empty();
        } catch (ConfigurationException | IllegalArgumentException e) {
            configuration = Optional.empty();
            problem = Optional.of(e.getMessage());
        }
        Optional<ServerDatabase> database = configuration.map(c -> ServerDatabase.of(c.storage()));
        return new Plan(record, status, manager.isSupported(), manager.describe(), configuration, problem, database,
                whyConfigurationStays(record), whyDatabaseStays(record, configuration, database));
    }

    private Optional<String> whyConfigurationStays(InstanceRecord record) {
        for (InstanceRecord other : registry.list()) {
            if (!other.name().equalsIgnoreCase(record.name()) && other.configFile().equals(record.configFile())) {
                return Optional.of("the instance '" + other.name() + "' uses the same configuration file");
            }
        }
        return Optional.empty();
    }

    private Optional<String> whyDatabaseStays(InstanceRecord record, Optional<ServerConfiguration> configuration,
            Optional<ServerDatabase> database) {
        if (configuration.isEmpty() || database.isEmpty()) {
            return Optional.of("its configuration file " + record.configFile() + " cannot be read, so where its"
                    + " database is is not known");
        }
        ServerDatabase data = database.get();
        if (data.kind() == DatabaseKind.POSTGRESQL) {
            return Optional.of("it is a PostgreSQL database, which is never dropped here");
        }
        if (data.h2Database().isEmpty()) {
            return Optional.of("it is an H2 database that is not a file on this machine (" + data.description() + ")");
        }
        Path base = data.h2Database().get();
        Path home = configuration.get().homeDirectory();
        if (!base.startsWith(home)) {
            return Optional.of("it lies outside the home directory " + home);
        }
        for (InstanceRecord other : registry.list()) {
            if (other.name().equalsIgnoreCase(record.name())) {
                continue;
            }
            Optional<Path> otherBase = databaseOf(other).flatMap(ServerDatabase::h2Database);
            if (otherBase.isPresent() && otherBase.get().equals(base)) {
                return Optional.of("the instance '" + other.name() + "' uses the same database");
            }
        }
        return Optional.empty();
    }

    private static Optional<ServerDatabase> databaseOf(InstanceRecord record) {
        try {
            return Optional.of(ServerDatabase.of(ServerConfiguration.store().read(record.configFile()).storage()));
        } catch (ConfigurationException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * Stops and removes the OS service (when there may be one and services can be changed here), removes the registry
     * entry and the configuration file, and deletes the embedded database when asked. A failure to remove the service
     * stops before anything else changes.
     *
     * @param deleteDatabase delete {@link Plan#databaseFiles()} as well
     * @param steps told of each step as it begins, for a progress display
     * @throws IllegalArgumentException when asked to delete a database the plan says must stay
     * @throws dev.tentacle.instances.service.ServiceManagerException when the service cannot be removed; nothing
     *     else changed
     * @throws UncheckedIOException when a file could not be deleted; what the message says is gone is gone
     */
    public Completed remove(Plan plan, boolean deleteDatabase, Consumer<String> steps) {
        return remove(plan, deleteDatabase, steps, () -> { });
    }

    /**
     * As {@link #remove(Plan, boolean, Consumer)}, and runs {@code releaseStorage} once the service is stopped and
     * before anything else changes, for a caller that holds the instance's storage open (the Octopus Server Manager):
     * the embedded database's files can then be deleted, and nothing opens the storage of an instance half removed.
     */
    public Completed remove(Plan plan, boolean deleteDatabase, Consumer<String> steps, Runnable releaseStorage) {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(steps, "steps");
        Objects.requireNonNull(releaseStorage, "releaseStorage");
        String name = plan.record().name();
        if (deleteDatabase && !plan.canDeleteDatabase()) {
            throw new IllegalArgumentException("The database of the Octopus Server instance '" + name + "' cannot be"
                    + " deleted: " + plan.databaseKeptBecause().orElseThrow() + ".");
        }
        List<String> notes = new ArrayList<>();
        boolean serviceRemoved = false;
        if (plan.removesService()) {
            steps.accept("Stopping and removing the service '" + plan.service().displayName() + "'");
            serviceRemoved = services.get().uninstall(plan.service());
        } else if (!plan.servicesSupported()) {
            notes.add("Its OS service was not looked at: " + plan.servicesDescription());
        }
        releaseStorage.run();
        steps.accept("Removing '" + name + "' from the instance registry");
        registry.delete(name);

        List<Path> deleted = new ArrayList<>();
        if (plan.configurationKeptBecause().isPresent()) {
            notes.add("Its configuration file " + plan.record().configFile() + " was kept: "
                    + plan.configurationKeptBecause().get() + ".");
        } else {
            steps.accept("Deleting the configuration file " + plan.record().configFile());
            deleteFiles(name, plan.configurationFiles(), deleted);
        }
        if (deleteDatabase) {
            Path data = plan.database().orElseThrow().h2DataFile().orElseThrow();
            steps.accept("Deleting the database " + data);
            deleteFiles(name, plan.databaseFiles(), deleted);
            removeIfEmpty(data.getParent());
        } else {
            plan.database().ifPresent(database -> notes.add("Its " + database.description() + " was kept."));
        }
        plan.homeDirectory().ifPresent(home -> notes.add("Its home directory " + home
                + " was kept, with the certificate Tentacles trust."));
        return new Completed(name, serviceRemoved, deleted, notes);
    }

    private static void deleteFiles(String instance, List<Path> files, List<Path> deleted) {
        for (Path file : files) {
            try {
                if (Files.deleteIfExists(file)) {
                    deleted.add(file);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("The Octopus Server instance '" + instance + "' was removed from the"
                        + " registry, but " + file + " could not be deleted: " + e + ". Check its permissions, then"
                        + " delete it by hand.", e);
            }
        }
    }

    private static void removeIfEmpty(Path directory) {
        if (directory == null || !Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try {
            Files.delete(directory);
        } catch (DirectoryNotEmptyException e) {
            // Something else lives there too: it stays.
        } catch (IOException e) {
            // The database is gone; an empty directory left behind is harmless.
        }
    }
}

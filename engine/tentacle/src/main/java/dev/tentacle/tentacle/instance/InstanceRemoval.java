package dev.tentacle.tentacle.instance;

import dev.tentacle.instances.ApplicationKind;
import dev.tentacle.instances.config.ConfigurationException;
import dev.tentacle.instances.config.ConfigurationStore;
import dev.tentacle.instances.registry.InstanceRecord;
import dev.tentacle.instances.registry.InstanceRegistry;
import dev.tentacle.instances.service.ServiceManager;
import dev.tentacle.instances.service.ServiceName;
import dev.tentacle.instances.service.ServiceStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Removes a Tentacle instance, in one of two ways.
 *
 * <ul>
 *   <li>{@link #delete} removes the registry entry only, as {@code tentacle delete-instance} does: refused while its OS
 *       service runs; its configuration file, home directory and certificate are kept. The Tentacle Manager's setup
 *       wizard rolls a failed setup back with it.</li>
 *   <li>{@link #plan} says what there is to remove (the registry entry, the OS service, the files) so that a person can
 *       confirm it, and {@link #remove} then stops and removes the service, removes the entry and, when asked, deletes
 *       the files, as the Tentacle Manager's Delete instance does. Files are only deleted when that cannot hit
 *       anything else: not when the home directory holds the registry, or overlaps another registered instance's home
 *       or configuration file.</li>
 * </ul>
 */
public final class InstanceRemoval {
    private final InstanceRegistry registry;
    private final ServiceManager services;

    public InstanceRemoval(InstanceRegistry registry, ServiceManager services) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.services = Objects.requireNonNull(services, "services");
        if (registry.kind() != ApplicationKind.TENTACLE) {
            throw new IllegalArgumentException("InstanceRemoval deletes Tentacle instances; got the " + registry.kind()
                    + " registry.");
        }
    }

    /**
     * What {@link #delete} did.
     *
     * @param record the registry entry that was removed
     * @param homeDirectory the instance's home directory, kept; empty when its configuration file could not be read
     * @param serviceStatus the state of its service when it was deleted (never RUNNING)
     * @param notes sentences for people about what is left: a service still installed, or one whose state is unknown
     */
    public record Removed(InstanceRecord record, Optional<Path> homeDirectory, ServiceStatus serviceStatus,
            List<String> notes) {
        public Removed {
            Objects.requireNonNull(record, "record");
            Objects.requireNonNull(homeDirectory, "homeDirectory");
            Objects.requireNonNull(serviceStatus, "serviceStatus");
            notes = List.copyOf(notes);
        }
    }

    /**
     * Removes the registered instance.
     *
     * @throws dev.tentacle.instances.registry.InstanceRegistryException when no instance has the name
     * @throws IllegalStateException when its service is running: nothing is changed, and the message says how to stop
     *     and remove the service first
     */
    public Removed delete(String name) {
        return delete(registry.get(name));
    }

    /** Removes this registered instance; see {@link #delete(String)}. */
    public Removed delete(InstanceRecord record) {
        ServiceName service = ServiceName.tentacle(record.name());
        ServiceStatus status = services.status(service);
        if (status.state() == ServiceStatus.State.RUNNING) {
            throw new IllegalStateException("The service '" + service.displayName() + "' of the Tentacle instance '"
                    + record.name() + "' is running, so the instance was not deleted. Stop and remove the service"
                    + " first with: tentacle service --instance " + shellQuoted(record.name()) + " --stop --uninstall");
        }
        Optional<Path> home = homeOf(record);
        registry.delete(record.name());

        List<String> notes = new ArrayList<>();
        if (status.state() == ServiceStatus.State.STOPPED) {
            notes.add("Its service '" + service.displayName() + "' is still installed (stopped); remove it with:"
                    + " tentacle service --instance " + shellQuoted(record.name()) + " --uninstall");
        } else if (status.state() == ServiceStatus.State.UNKNOWN && services.isSupported()) {
            notes.add("Could not tell whether its service '" + service.displayName() + "' is installed: "
                    + status.detail());
        }
        return new Removed(record, home, status, notes);
    }

    /**
     * What removing one instance involves.
     *
     * @param record the registry entry
     * @param serviceStatus the OS service's status when the plan was made
     * @param servicesSupported whether this machine's service manager can change services (see
     *     {@link ServiceManager#isSupported()})
     * @param servicesDescription how services are managed here, or why they cannot be
     * @param homeDirectory the home directory; empty when the configuration file cannot be read
     * @param configurationProblem why the configuration file cannot be read; empty when it can
     * @param filesKeptBecause why the files cannot be deleted with the instance; empty when they can
     */
    public record Plan(InstanceRecord record, ServiceStatus serviceStatus, boolean servicesSupported,
            String servicesDescription, Optional<Path> homeDirectory, Optional<String> configurationProblem,
            Optional<String> filesKeptBecause) {

        public ServiceName service() {
            return ServiceName.tentacle(record.name());
        }

        /** True when the OS service may be installed and can be removed here. */
        public boolean removesService() {
            return servicesSupported && serviceStatus.state() != ServiceStatus.State.NOT_INSTALLED;
        }

        /** True when the files can be deleted along with the instance. */
        public boolean canDeleteFiles() {
            return filesKeptBecause.isEmpty();
        }

        /**
         * The files and directories deleted when asked: the home directory and, when it lies outside, the
         * configuration file with its backup and lock files. Empty when {@link #canDeleteFiles()} is false.
         */
        public List<Path> files() {
            if (!canDeleteFiles()) {
                return List.of();
            }
            Path home = homeDirectory.orElseThrow();
            List<Path> files = new ArrayList<>();
            files.add(home);
            Path config = record.configFile();
            if (!config.startsWith(home)) {
                files.add(config);
                files.add(ConfigurationStore.backupOf(config));
                files.add(config.resolveSibling(config.getFileName() + ".lock"));
            }
            return List.copyOf(files);
        }
    }

    /**
     * What {@link #remove} did.
     *
     * @param notes what was left in place and why, for people; empty when everything asked for is gone
     */
    public record Completed(String instance, boolean serviceRemoved, List<Path> deletedFiles, List<String> notes) {
    }

    /**
     * Looks at the instance without changing anything.
     *
     * @throws dev.tentacle.instances.registry.InstanceRegistryException naming the known instances, when there is
     *     none of that name
     */
    public Plan plan(String name) {
        InstanceRecord record = registry.get(name);
        ServiceStatus status = services.status(ServiceName.tentacle(record.name()));
        Optional<Path> home;
        Optional<String> problem;
        try {
            home = Optional.of(new TentacleInstance(record.name(), record.configFile()).configuration().homeDirectory());
            problem = Optional.empty();
        } catch (ConfigurationException e) {
            home = Optional.empty();
            problem = Optional.of(e.getMessage());
        }
        return new Plan(record, status, services.isSupported(), services.describe(), home, problem,
                whyFilesMustStay(record, home));
    }

    private Optional<String> whyFilesMustStay(InstanceRecord record, Optional<Path> home) {
        if (home.isEmpty()) {
            return Optional.of("its configuration file " + record.configFile() + " cannot be read, so its home"
                    + " directory is not known");
        }
        Path directory = home.get();
        if (directory.getParent() == null) {
            return Optional.of("its home directory is " + directory + ", the root of a file system");
        }
        Path registryDirectory = registry.locations().registryDirectory().toAbsolutePath().normalize();
        if (registryDirectory.startsWith(directory)) {
            return Optional.of("its home directory " + directory + " holds the instance registry "
                    + registryDirectory);
        }
        for (InstanceRecord other : registry.list()) {
            if (other.name().equalsIgnoreCase(record.name())) {
                continue;
            }
            if (other.configFile().startsWith(directory)) {
                return Optional.of("its home directory " + directory + " holds the configuration file of the"
                        + " instance '" + other.name() + "'");
            }
            Optional<Path> otherHome = homeOf(other);
            if (otherHome.isPresent() && (otherHome.get().startsWith(directory) || directory.startsWith(otherHome.get()))) {
                return Optional.of("its home directory " + directory + " overlaps the home directory "
                        + otherHome.get() + " of the instance '" + other.name() + "'");
            }
        }
        return Optional.empty();
    }

    private static Optional<Path> homeOf(InstanceRecord record) {
        try {
            return Optional.of(new TentacleInstance(record.name(), record.configFile()).configuration().homeDirectory());
        } catch (ConfigurationException e) {
            return Optional.empty();
        }
    }

    /**
     * Stops and removes the OS service (when there may be one and services can be changed here), removes the registry
     * entry, and deletes the files when asked. A failure to remove the service stops before anything else changes.
     *
     * @param deleteFiles delete {@link Plan#files()} as well
     * @param steps told of each step as it begins, for a progress display
     * @throws IllegalArgumentException when asked to delete files the plan says must stay
     * @throws dev.tentacle.instances.service.ServiceManagerException when the service cannot be removed; nothing
     *     else changed
     * @throws UncheckedIOException when some files could not be deleted; the service and the registry entry are gone
     */
    public Completed remove(Plan plan, boolean deleteFiles, Consumer<String> steps) {
        if (deleteFiles && !plan.canDeleteFiles()) {
            throw new IllegalArgumentException("The files of the Tentacle instance '" + plan.record().name()
                    + "' cannot be deleted: " + plan.filesKeptBecause().orElseThrow() + ". Delete them by hand.");
        }
        List<String> notes = new ArrayList<>();
        boolean serviceRemoved = false;
        if (plan.removesService()) {
            steps.accept("Stopping and removing the service '" + plan.service().displayName() + "'");
            serviceRemoved = services.uninstall(plan.service());
        } else if (!plan.servicesSupported() && plan.serviceStatus().state() != ServiceStatus.State.NOT_INSTALLED) {
            notes.add("Its OS service was not looked at: " + plan.servicesDescription());
        }
        steps.accept("Removing '" + plan.record().name() + "' from the instance registry");
        registry.delete(plan.record().name());
        List<Path> deleted = new ArrayList<>();
        if (deleteFiles) {
            for (Path file : plan.files()) {
                if (Files.exists(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    steps.accept("Deleting " + file);
                    deleteRecursively(plan.record().name(), file);
                    deleted.add(file);
                }
            }
        } else {
            plan.homeDirectory().ifPresent(home -> notes.add("Its home directory " + home + " was kept."));
            if (plan.homeDirectory().isEmpty() || !plan.record().configFile().startsWith(plan.homeDirectory().get())) {
                notes.add("Its configuration file " + plan.record().configFile() + " was kept.");
            }
        }
        return new Completed(plan.record().name(), serviceRemoved, List.copyOf(deleted), List.copyOf(notes));
    }

    private static void deleteRecursively(String instance, Path root) {
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path directory, IOException failure) throws IOException {
                    if (failure != null) {
                        throw failure;
                    }
                    Files.deleteIfExists(directory);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (NoSuchFileException e) {
            // Already gone: nothing left to delete.
        } catch (IOException e) {
            throw new UncheckedIOException("The Tentacle instance '" + instance + "' was removed from the registry,"
                    + " but " + root + " could not be deleted completely: " + e + ". Delete what is left by hand.", e);
        }
    }

    private static String shellQuoted(String argument) {
        return argument.contains(" ") ? '"' + argument + '"' : argument;
    }
}

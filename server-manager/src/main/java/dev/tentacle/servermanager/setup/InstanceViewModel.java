package dev.tentacle.servermanager.setup;

import dev.tentacle.desktop.wizard.WritableDirectory;
import dev.tentacle.instances.ApplicationKind;
import dev.tentacle.instances.registry.InstanceName;
import dev.tentacle.instances.registry.InstanceRecord;
import dev.tentacle.instances.registry.InstanceRegistry;
import dev.tentacle.instances.registry.OperatingSystem;
import dev.tentacle.server.storage.StorageConfiguration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The first page: the new server instance's name and home directory. The name is "OctopusServer" (the default instance,
 * which commands use without {@code --instance}) unless it is taken, then "OctopusServer2"...; it must be valid and not
 * registered yet, ignoring case. The home follows the registry's default for the name until the user changes it; it
 * must be a full path to a writable directory, or one that can be created, and must not hold another server's
 * configuration or embedded database.
 */
public final class InstanceViewModel {
    private final InstanceRegistry registry;
    private final WritableDirectory directories;
    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final StringProperty home = new SimpleStringProperty(this, "home", "");
    private final ReadOnlyStringWrapper nameError = new ReadOnlyStringWrapper(this, "nameError", "");
    private final ReadOnlyStringWrapper homeError = new ReadOnlyStringWrapper(this, "homeError", "");
    private final BooleanBinding valid = Bindings.isEmpty(nameError).and(Bindings.isEmpty(homeError));
    private boolean homeFollowsDefault = true;

    public InstanceViewModel(InstanceRegistry registry, OperatingSystem os) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.directories = new WritableDirectory(os, os.isWindows() ? "C:\\Octopus\\OctopusServer"
                : "/var/lib/octopus/OctopusServer", "Octopus Server Manager");
        name.addListener((observable, before, after) -> {
            if (homeFollowsDefault && InstanceName.isValid(after)) {
                home.set(defaultHome());
            }
            validate();
        });
        home.addListener((observable, before, after) -> {
            homeFollowsDefault = after.equals(defaultHome());
            validate();
        });
        name.set(defaultName(registry));
        home.set(defaultHome());
        validate();
    }

    static String defaultName(InstanceRegistry registry) {
        String base = ApplicationKind.SERVER.defaultInstanceName();
        try {
            for (int i = 1; ; i++) {
                String candidate = i == 1 ? base : base + i;
                if (registry.find(candidate).isEmpty()) {
                    return candidate;
                }
            }
        } catch (RuntimeException e) {
            return base; // a damaged registry is reported by validate()
        }
    }

    private String defaultHome() {
        String value = name.get();
        return InstanceName.isValid(value) ? registry.defaultHomeDirectory(value).toString() : home.get();
    }

    private void validate() {
        nameError.set(nameProblem(name.get()).orElse(""));
        homeError.set(homeProblem(home.get()).orElse(""));
    }

    /** Checks again, for instances and directories changed outside the app since the user typed them. */
    public void revalidate() {
        validate();
    }

    private Optional<String> nameProblem(String text) {
        String value = text == null ? "" : text;
        Optional<String> invalid = InstanceName.problem(value);
        if (invalid.isPresent()) {
            return invalid;
        }
        try {
            return registry.find(value).map(InstanceRecord::name).map(existing -> "An Octopus Server instance named '"
                    + existing + "' exists already" + (existing.equals(value) ? "" : " (names ignore case)")
                    + ". Choose another name; each instance is a separate server with its own ports, certificate,"
                    + " database and service.");
        } catch (RuntimeException e) {
            return Optional.of("The instance registry cannot be read: " + e.getMessage());
        }
    }

    private Optional<String> homeProblem(String text) {
        Optional<String> problem = directories.problem(text, "home directory");
        if (problem.isPresent()) {
            return problem;
        }
        Path directory = WritableDirectory.parse(text).orElseThrow();
        Path configFile = ApplicationKind.SERVER.configFileIn(directory);
        if (Files.exists(configFile)) {
            return Optional.of(directory + " already holds an Octopus Server's configuration ("
                    + configFile.getFileName() + ") from a server set up before. Choose a new or empty directory; to"
                    + " use that server again, register it with: octopus-server create-instance --instance NAME"
                    + " --config " + configFile);
        }
        Path database = directory.resolve(StorageConfiguration.DEFAULT_DATABASE_DIRECTORY)
                .resolve(StorageConfiguration.H2_DATABASE_NAME + ".mv.db");
        if (Files.exists(database)) {
            return Optional.of(directory + " already holds an embedded Octopus Server database (" + database
                    + "), with the machines and API keys of a server set up before. Choose a new or empty directory,"
                    + " or move that database aside first.");
        }
        return Optional.empty();
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty homeProperty() {
        return home;
    }

    public ReadOnlyStringProperty nameErrorProperty() {
        return nameError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty homeErrorProperty() {
        return homeError.getReadOnlyProperty();
    }

    public BooleanBinding validProperty() {
        return valid;
    }

    /** The name, as typed. */
    public String name() {
        return name.get();
    }

    /** The home directory; only when {@link #validProperty()} is true. */
    public Path homeDirectory() {
        return WritableDirectory.parse(home.get()).orElseThrow(() ->
                new IllegalStateException(homeError.get().isEmpty() ? "No home directory" : homeError.get()));
    }
}

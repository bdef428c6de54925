package dev.tentacle.manager.wizard;

import dev.tentacle.instances.registry.InstanceName;
import dev.tentacle.instances.registry.InstanceRegistry;
import dev.tentacle.instances.registry.OperatingSystem;
import dev.tentacle.manager.wizard.install.DirectoryCheck;
import dev.tentacle.manager.wizard.install.SetupPlan;
import java.nio.file.Path;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableStringValue;

/**
 * The storage page: the home directory (configuration, certificate, logs, work) and the application directory (where
 * deployed applications go). The home follows the registry's default for the instance name until the user changes
 * it; the application directory follows {@code HOME/Applications} likewise. Both must be full paths to writable
 * directories, or to directories that can be created.
 */
public final class StorageViewModel {
    private final InstanceRegistry registry;
    private final OperatingSystem os;
    private final ObservableStringValue instanceName;
    private final StringProperty home = new SimpleStringProperty(this, "home", "");
    private final StringProperty applications = new SimpleStringProperty(this, "applications", "");
    private final ReadOnlyStringWrapper homeError = new ReadOnlyStringWrapper(this, "homeError", "");
    private final ReadOnlyStringWrapper applicationsError = new ReadOnlyStringWrapper(this, "applicationsError", "");
    private final BooleanBinding valid = Bindings.isEmpty(homeError).and(Bindings.isEmpty(applicationsError));
    private boolean homeFollowsDefault = true;
    private boolean applicationsFollowDefault = true;

    public StorageViewModel(InstanceRegistry registry, OperatingSystem os, ObservableStringValue instanceName) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.os = Objects.requireNonNull(os, "os");
        this.instanceName = Objects.requireNonNull(instanceName, "instanceName");
        home.set(defaultHome());
        applications.set(defaultApplications());
        instanceName.addListener((observable, before, after) -> {
            if (homeFollowsDefault && InstanceName.isValid(after)) {
                home.set(defaultHome());
            }
        });
        home.addListener((observable, before, after) -> {
            homeFollowsDefault = after.equals(defaultHome());
            if (applicationsFollowDefault) {
                applications.set(defaultApplications());
            }
            validate();
        });
        applications.addListener((observable, before, after) -> {
            applicationsFollowDefault = after.equals(defaultApplications());
            validate();
        });
        validate();
    }

    private String defaultHome() {
        String name = instanceName.get();
        return InstanceName.isValid(name) ? registry.defaultHomeDirectory(name).toString() : home.get();
    }

    private String defaultApplications() {
        return DirectoryCheck.parse(home.get()).map(SetupPlan::defaultApplicationDirectory).map(Path::toString)
                .orElse(applications.get());
    }

    private void validate() {
        homeError.set(DirectoryCheck.homeProblem(home.get(), os).orElse(""));
        applicationsError.set(DirectoryCheck.applicationsProblem(applications.get(), os).orElse(""));
    }

    /** Checks again, for directories changed outside the app since the user typed them. */
    public void revalidate() {
        validate();
    }

    public StringProperty homeProperty() {
        return home;
    }

    public StringProperty applicationsProperty() {
        return applications;
    }

    public ReadOnlyStringProperty homeErrorProperty() {
        return homeError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty applicationsErrorProperty() {
        return applicationsError.getReadOnlyProperty();
    }

    public BooleanBinding validProperty() {
        return valid;
    }

    /** The home directory; only when {@link #validProperty()} is true. */
    public Path homeDirectory() {
        return DirectoryCheck.parse(home.get()).orElseThrow();
    }

    /** The application directory; only when {@link #validProperty()} is true. */
    public Path applicationDirectory() {
        return DirectoryCheck.parse(applications.get()).orElseThrow();
    }
}

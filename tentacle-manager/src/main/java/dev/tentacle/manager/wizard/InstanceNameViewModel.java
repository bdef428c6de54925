package dev.tentacle.manager.wizard;

import dev.tentacle.desktop.wizard.NewInstanceName;
import dev.tentacle.instances.ApplicationKind;
import dev.tentacle.instances.registry.InstanceRegistry;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The first page: the new instance's name. "Tentacle" (the default instance, which commands use without
 * {@code --instance}) unless it is taken; then "Tentacle2", "Tentacle3"... The name must be valid and not registered
 * yet, ignoring case, as the registry compares names.
 */
public final class InstanceNameViewModel {
    private final NewInstanceName names;
    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final BooleanBinding valid = Bindings.isEmpty(error);

    public InstanceNameViewModel(InstanceRegistry registry) {
        this.names = new NewInstanceName(Objects.requireNonNull(registry, "registry"), ApplicationKind.TENTACLE,
                "A Tentacle instance",
                "each instance is a separate Tentacle with its own port, certificate and service");
        name.addListener((observable, before, after) -> validate());
        name.set(names.defaultName());
        validate();
    }

    private void validate() {
        error.set(names.problem(name.get()).orElse(""));
    }

    public StringProperty nameProperty() {
        return name;
    }

    /** The name, as typed. */
    public String name() {
        return name.get();
    }

    /** Why the name cannot be used; empty when it can. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public BooleanBinding validProperty() {
        return valid;
    }
}

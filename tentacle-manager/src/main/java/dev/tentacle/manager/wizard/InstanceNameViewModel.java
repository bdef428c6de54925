package dev.tentacle.manager.wizard;

import dev.tentacle.instances.ApplicationKind;
import dev.tentacle.instances.registry.InstanceName;
import dev.tentacle.instances.registry.InstanceRecord;
import dev.tentacle.instances.registry.InstanceRegistry;
import java.util.Objects;
import java.util.Optional;
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
    private final InstanceRegistry registry;
    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final BooleanBinding valid = Bindings.isEmpty(error);

    public InstanceNameViewModel(InstanceRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
        name.addListener((observable, before, after) -> validate());
        name.set(defaultName(registry));
        validate();
    }

    static String defaultName(InstanceRegistry registry) {
        String base = ApplicationKind.TENTACLE.defaultInstanceName();
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

    private void validate() {
        error.set(problem(name.get()).orElse(""));
    }

    private Optional<String> problem(String text) {
        String value = text == null ? "" : text;
        Optional<String> invalid = InstanceName.problem(value);
        if (invalid.isPresent()) {
            return invalid;
        }
        try {
            return registry.find(value).map(InstanceRecord::name).map(existing -> "A Tentacle instance named '"
                    + existing + "' exists already" + (existing.equals(value) ? "" : " (names ignore case)")
                    + ". Choose another name; each instance is a separate Tentacle with its own port, certificate and"
                    + " service.");
        } catch (RuntimeException e) {
            return Optional.of("The instance registry cannot be read: " + e.getMessage());
        }
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

package dev.tentacle.desktop.wizard;

import dev.tentacle.instances.ApplicationKind;
import dev.tentacle.instances.registry.InstanceName;
import dev.tentacle.instances.registry.InstanceRecord;
import dev.tentacle.instances.registry.InstanceRegistry;
import java.util.Objects;
import java.util.Optional;

/**
 * The name of the instance a setup wizard creates: its default, the kind's default instance name (which commands use
 * without {@code --instance}) unless it is taken, then with 2, 3... after it; and why a name cannot be used: it is not
 * valid, or an instance of that name is registered already, ignoring case, as the registry compares names.
 */
public final class NewInstanceName {
    private final InstanceRegistry registry;
    private final ApplicationKind kind;
    private final String anInstance;
    private final String whyUnique;

    /**
     * @param anInstance how an instance is named in the message, with its article: "A Tentacle instance"
     * @param whyUnique the sentence after "Choose another name;", without its full stop: "each instance is a separate
     *     Tentacle with its own port, certificate and service"
     */
    public NewInstanceName(InstanceRegistry registry, ApplicationKind kind, String anInstance, String whyUnique) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.kind = Objects.requireNonNull(kind, "kind");
        this.anInstance = Objects.requireNonNull(anInstance, "anInstance");
        this.whyUnique = Objects.requireNonNull(whyUnique, "whyUnique");
    }

    /**
     * The first of "Tentacle", "Tentacle2", "Tentacle3"... that is not registered; the first when the registry is
     * damaged, which {@link #problem} then reports.
     */
    public String defaultName() {
        String base = kind.defaultInstanceName();
        try {
            for (int i = 1; ; i++) {
                String candidate = i == 1 ? base : base + i;
                if (registry.find(candidate).isEmpty()) {
                    return candidate;
                }
            }
        } catch (RuntimeException e) {
            return base;
        }
    }

    /** Why the name cannot be used; empty when it can. */
    public Optional<String> problem(String text) {
        String value = text == null ? "" : text;
        Optional<String> invalid = InstanceName.problem(value);
        if (invalid.isPresent()) {
            return invalid;
        }
        try {
            return registry.find(value).map(InstanceRecord::name).map(existing -> anInstance + " named '" + existing
                    + "' exists already" + (existing.equals(value) ? "" : " (names ignore case)")
                    + ". Choose another name; " + whyUnique + ".");
        } catch (RuntimeException e) {
            return Optional.of("The instance registry cannot be read: " + e.getMessage());
        }
    }
}

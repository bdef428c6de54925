package dev.tentacle.manager.wizard;

import dev.tentacle.tentacle.registration.MachineTags;
import dev.tentacle.tentacle.registration.RegisteredMachine;
import dev.tentacle.tentacle.registration.ServerCheck;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableObjectValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The registration page of a polling Tentacle: its machine name on the server (default: this machine's host name),
 * environments and roles (comma-separated; those the server's machines already use are offered), and the machine
 * policy (empty for the server's default). A name the server already has is refused here rather than at install.
 */
public final class RegistrationViewModel {
    private final ObservableObjectValue<ServerCheck.Result> server;
    private final StringProperty machineName = new SimpleStringProperty(this, "machineName", "");
    private final StringProperty environments = new SimpleStringProperty(this, "environments", "");
    private final StringProperty roles = new SimpleStringProperty(this, "roles", "");
    private final StringProperty policy = new SimpleStringProperty(this, "policy", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final BooleanBinding valid = Bindings.isEmpty(error);
    private final ObservableList<String> knownEnvironments = FXCollections.observableArrayList();
    private final ObservableList<String> knownRoles = FXCollections.observableArrayList();
    private final ObservableList<String> knownPolicies = FXCollections.observableArrayList();

    public RegistrationViewModel(Supplier<Optional<String>> hostName, ObservableObjectValue<ServerCheck.Result> server) {
        this.server = Objects.requireNonNull(server, "server");
        machineName.set(hostName.get().orElse(""));
        machineName.addListener((observable, before, after) -> validate());
        server.addListener((observable, before, after) -> {
            knownEnvironments.setAll(after == null ? List.of() : after.environments());
            knownRoles.setAll(after == null ? List.of() : after.roles());
            knownPolicies.setAll(after == null ? List.of() : after.policies());
            validate();
        });
        validate();
    }

    private void validate() {
        String name = machineName.get().strip();
        if (name.isEmpty()) {
            error.set("Give the machine a name on the Octopus Server, such as this machine's host name.");
            return;
        }
        if (name.length() > 200) {
            error.set("The machine name is " + name.length() + " characters long; the server takes at most 200.");
            return;
        }
        Optional<RegisteredMachine> taken = server.get() == null ? Optional.empty() : server.get().machineNamed(name);
        error.set(taken.map(m -> "The Octopus Server already has a machine named '" + m.name() + "' (" + m.id() + ", "
                + m.communicationStyle() + " " + m.uri() + "). Choose another name, or remove that machine on the"
                + " server first (octopus-server machine remove --name " + m.name() + ").").orElse(""));
    }

    /** The environments, roles and policy as typed, without blanks. */
    public MachineTags tags() {
        return new MachineTags(split(environments.get()), split(roles.get()), List.of(), policy.get());
    }

    static List<String> split(String text) {
        return Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
    }

    /** Adds a suggested name to a comma-separated field, unless it is there already. */
    static String append(String text, String name) {
        List<String> names = split(text);
        if (names.stream().anyMatch(n -> n.equalsIgnoreCase(name))) {
            return text;
        }
        return names.isEmpty() ? name : String.join(", ", names) + ", " + name;
    }

    public void addEnvironment(String name) {
        environments.set(append(environments.get(), name));
    }

    public void addRole(String name) {
        roles.set(append(roles.get(), name));
    }

    public StringProperty machineNameProperty() {
        return machineName;
    }

    public StringProperty environmentsProperty() {
        return environments;
    }

    public StringProperty rolesProperty() {
        return roles;
    }

    public StringProperty policyProperty() {
        return policy;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public BooleanBinding validProperty() {
        return valid;
    }

    /** Environments the server's machines are in, to pick from. */
    public ObservableList<String> knownEnvironments() {
        return knownEnvironments;
    }

    public ObservableList<String> knownRoles() {
        return knownRoles;
    }

    public ObservableList<String> knownPolicies() {
        return knownPolicies;
    }
}

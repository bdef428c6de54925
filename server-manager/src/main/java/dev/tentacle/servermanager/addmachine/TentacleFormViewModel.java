package dev.tentacle.servermanager.addmachine;

import dev.tentacle.comms.Thumbprint;
import dev.tentacle.instances.config.CommunicationStyle;
import dev.tentacle.server.storage.machines.NewMachine;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * What the user enters to add a listening Tentacle: where it is (host, port), the thumbprint they expect (optional),
 * and the machine's name, environments, roles and policy; with a message for each field that cannot be used. Names
 * are checked by the engine's own rules ({@link NewMachine}), so the form says no more and no less than saving would.
 */
public final class TentacleFormViewModel {
    private static final Thumbprint PLACEHOLDER = new Thumbprint("0".repeat(64));
    private static final URI PLACEHOLDER_ADDRESS = URI.create("https://placeholder:10933/");

    private final StringProperty host = new SimpleStringProperty(this, "host", "");
    private final StringProperty port = new SimpleStringProperty(this, "port",
            Integer.toString(TentacleAddress.DEFAULT_PORT));
    private final StringProperty expectedThumbprint = new SimpleStringProperty(this, "expectedThumbprint", "");
    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final StringProperty environments = new SimpleStringProperty(this, "environments", "");
    private final StringProperty roles = new SimpleStringProperty(this, "roles", "");
    private final ObjectProperty<String> policy = new SimpleObjectProperty<>(this, "policy");
    private final ObservableList<String> policies = FXCollections.observableArrayList();

    private final ReadOnlyBooleanWrapper portInHost = new ReadOnlyBooleanWrapper(this, "portInHost", false);
    private final ReadOnlyStringWrapper hostProblem = new ReadOnlyStringWrapper(this, "hostProblem", "");
    private final ReadOnlyStringWrapper portProblem = new ReadOnlyStringWrapper(this, "portProblem", "");
    private final ReadOnlyStringWrapper thumbprintProblem = new ReadOnlyStringWrapper(this, "thumbprintProblem", "");
    private final ReadOnlyStringWrapper nameProblem = new ReadOnlyStringWrapper(this, "nameProblem", "");
    private final ReadOnlyStringWrapper environmentsProblem = new ReadOnlyStringWrapper(this, "environmentsProblem", "");
    private final ReadOnlyStringWrapper rolesProblem = new ReadOnlyStringWrapper(this, "rolesProblem", "");

    private final BooleanBinding detailsValid = Bindings.createBooleanBinding(() -> nameProblem.get().isEmpty()
            && environmentsProblem.get().isEmpty() && rolesProblem.get().isEmpty(),
            nameProblem, environmentsProblem, rolesProblem);
    private final BooleanBinding valid = Bindings.createBooleanBinding(() -> hostProblem.get().isEmpty()
            && portProblem.get().isEmpty() && thumbprintProblem.get().isEmpty() && detailsValid.get(),
            hostProblem, portProblem, thumbprintProblem, detailsValid);

    /**
     * @param addressChanged runs after the host, port or expected thumbprint changed (a connection made before no
     *     longer answers for them)
     * @param detailsChanged runs after the name, environments or roles changed
     */
    TentacleFormViewModel(Runnable addressChanged, Runnable detailsChanged) {
        for (StringProperty field : List.of(host, port, expectedThumbprint)) {
            field.addListener((observable, before, after) -> {
                validate();
                addressChanged.run();
            });
        }
        for (StringProperty field : List.of(name, environments, roles)) {
            field.addListener((observable, before, after) -> {
                validate();
                detailsChanged.run();
            });
        }
        validate();
    }

    private void validate() {
        hostProblem.set(TentacleAddress.hostProblem(host.get()).orElse(""));
        portInHost.set(hostProblem.get().isEmpty() && hostCarriesPort());
        portProblem.set(portInHost.get() ? "" : TentacleAddress.portProblem(port.get()).orElse(""));
        thumbprintProblem.set(thumbprintProblem(expectedThumbprint.get()).orElse(""));
        nameProblem.set(problemOf(() -> machine(PLACEHOLDER_ADDRESS, PLACEHOLDER)));
        environmentsProblem.set(problemOf(() -> NewMachine.listening("x", PLACEHOLDER_ADDRESS, PLACEHOLDER)
                .withEnvironments(Tags.parse(environments.get()).toArray(String[]::new))));
        rolesProblem.set(problemOf(() -> NewMachine.listening("x", PLACEHOLDER_ADDRESS, PLACEHOLDER)
                .withRoles(Tags.parse(roles.get()).toArray(String[]::new))));
    }

    private boolean hostCarriesPort() {
        String text = host.get() == null ? "" : host.get().strip();
        return text.contains("://") || text.indexOf(':') > 0 && text.indexOf(':') == text.lastIndexOf(':')
                || text.startsWith("[") && text.contains("]:");
    }

    /** Why a typed thumbprint cannot be used; empty when it is blank (it is optional) or well-formed. */
    static Optional<String> thumbprintProblem(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            Thumbprint.parse(text);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            String cleaned = text.replaceAll("[\\s:\\u200E\\u200F\\uFEFF]", "");
            boolean hex = cleaned.chars().allMatch(c -> Character.digit(c, 16) >= 0);
            return Optional.of(hex
                    ? "A thumbprint is 40 (SHA-1) or 64 (SHA-256) hexadecimal characters; this one has " + cleaned.length()
                            + ". Copy it again from the Tentacle's manager, or leave it empty."
                    : "A thumbprint is hexadecimal: 0-9 and A-F only (spaces and colons are ignored). Copy it again"
                            + " from the Tentacle's manager, or leave it empty.");
        }
    }

    private static String problemOf(Runnable check) {
        try {
            check.run();
            return "";
        } catch (IllegalArgumentException e) {
            return e.getMessage() + ".";
        }
    }

    /**
     * Where the Tentacle is, as entered.
     *
     * @throws IllegalArgumentException when the host or port cannot be used
     */
    TentacleAddress address() {
        return TentacleAddress.parse(host.get(), port.get());
    }

    /** The thumbprint the user expects, if they typed one. */
    Optional<Thumbprint> expected() {
        String text = expectedThumbprint.get();
        return text == null || text.isBlank() ? Optional.empty() : Optional.of(Thumbprint.parse(text));
    }

    /** The machine's name: as entered, or the host when left empty. */
    String machineName() {
        return name.get() == null || name.get().isBlank() ? defaultName() : name.get().strip();
    }

    private String defaultName() {
        try {
            return address().host();
        } catch (IllegalArgumentException e) {
            return host.get() == null || host.get().isBlank() ? "?" : host.get();
        }
    }

    /**
     * The machine to register, at this address with this thumbprint.
     *
     * @throws IllegalArgumentException when the name, an environment or a role cannot be used
     */
    NewMachine machine(URI address, Thumbprint thumbprint) {
        return new NewMachine(machineName(), CommunicationStyle.LISTENING, address, thumbprint,
                Tags.parse(environments.get()), Tags.parse(roles.get()), List.of(), policy.get());
    }

    /** Ready for the next Tentacle: the address, thumbprint and name cleared, the tags and policy kept. */
    void clearForNext() {
        host.set("");
        expectedThumbprint.set("");
        name.set("");
    }

    /** The policies to choose from, and the one chosen when none is, or the chosen one is gone. */
    void offerPolicies(List<String> names, String defaultName) {
        policies.setAll(names);
        if (policy.get() == null || !names.contains(policy.get())) {
            policy.set(defaultName);
        }
    }

    /** True when every field can be used. */
    public BooleanBinding validProperty() {
        return valid;
    }

    /** True when the name, environments and roles can be used (what may change while verifying). */
    public BooleanBinding detailsValidProperty() {
        return detailsValid;
    }

    public StringProperty hostProperty() {
        return host;
    }

    public StringProperty portProperty() {
        return port;
    }

    /** The thumbprint the user expects, SHA-1 or SHA-256; optional. */
    public StringProperty expectedThumbprintProperty() {
        return expectedThumbprint;
    }

    /** The machine's name; the host when left empty. */
    public StringProperty nameProperty() {
        return name;
    }

    /** Environment names, separated by commas. */
    public StringProperty environmentsProperty() {
        return environments;
    }

    /** Role names, separated by commas. */
    public StringProperty rolesProperty() {
        return roles;
    }

    public ObjectProperty<String> policyProperty() {
        return policy;
    }

    public ObservableList<String> policies() {
        return policies;
    }

    /** True when the host field holds a port too (HOST:PORT or a URL), which takes the port field's place. */
    public ReadOnlyBooleanProperty portInHostProperty() {
        return portInHost.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty hostProblemProperty() {
        return hostProblem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty portProblemProperty() {
        return portProblem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty thumbprintProblemProperty() {
        return thumbprintProblem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty nameProblemProperty() {
        return nameProblem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty environmentsProblemProperty() {
        return environmentsProblem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty rolesProblemProperty() {
        return rolesProblem.getReadOnlyProperty();
    }
}

package dev.tentacle.manager.instances;

import dev.tentacle.instances.config.ProxyConfiguration;
import dev.tentacle.instances.registry.HostEnvironment;
import dev.tentacle.tentacle.instance.SystemProxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;

/**
 * The Change proxy dialog: no proxy, the machine's proxy, or a custom one with optional credentials. The result is
 * written as both the proxy and the polling proxy, as {@code tentacle proxy} and {@code tentacle polling-proxy} would
 * write it.
 */
public final class ProxyViewModel {
    /** The choices of the dialog. */
    public enum Mode {
        NONE,
        SYSTEM,
        CUSTOM
    }

    private final String instance;
    private final ProxyConfiguration current;
    private final Optional<ProxyConfiguration> systemProxy;
    private final String systemProxyText;
    private final ObjectProperty<Mode> mode = new SimpleObjectProperty<>(this, "mode");
    private final StringProperty host = new SimpleStringProperty(this, "host", "");
    private final StringProperty port = new SimpleStringProperty(this, "port", "");
    private final StringProperty username = new SimpleStringProperty(this, "username", "");
    private final StringProperty password = new SimpleStringProperty(this, "password", "");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");

    /**
     * @param current the instance's proxy now (the polling proxy for a polling Tentacle, else the proxy)
     * @param systemProxy the machine's proxy, or a failure to read it
     */
    public ProxyViewModel(String instance, ProxyConfiguration current, SystemProxyLookup systemProxy) {
        this.instance = Objects.requireNonNull(instance, "instance");
        this.current = Objects.requireNonNull(current, "current");
        this.systemProxy = systemProxy.proxy();
        this.systemProxyText = systemProxy.proxy().map(p -> "Use this machine's proxy: " + p + " (from "
                + systemProxy.source() + ")").orElse("Use this machine's proxy: " + systemProxy.source());
        if (current.host() != null) {
            host.set(current.host());
            port.set(current.port() == 0 ? "" : Integer.toString(current.port()));
            username.set(current.username() == null ? "" : current.username());
        }
        mode.set(!current.enabled() ? Mode.NONE
                : this.systemProxy.filter(current::equals).isPresent() ? Mode.SYSTEM : Mode.CUSTOM);
        mode.addListener((o, a, b) -> validate());
        host.addListener((o, a, b) -> validate());
        port.addListener((o, a, b) -> validate());
        username.addListener((o, a, b) -> validate());
        validate();
    }

    /**
     * The machine's proxy, or why there is none.
     *
     * @param source where it was found ("https_proxy"), or why none was found
     */
    public record SystemProxyLookup(Optional<ProxyConfiguration> proxy, String source) {

        /** Looks in the environment's proxy variables (see {@link SystemProxy}). */
        public static SystemProxyLookup of(HostEnvironment environment) {
            try {
                Optional<ProxyConfiguration> proxy = SystemProxy.detect(environment);
                String source = SystemProxy.VARIABLES.stream().filter(v -> environment.variable(v).isPresent())
                        .findFirst().orElse("none found: " + String.join(", ", SystemProxy.VARIABLES) + " are not set");
                return new SystemProxyLookup(proxy, source);
            } catch (IllegalArgumentException e) {
                return new SystemProxyLookup(Optional.empty(), e.getMessage());
            }
        }
    }

    public String instance() {
        return instance;
    }

    public ObjectProperty<Mode> modeProperty() {
        return mode;
    }

    public StringProperty hostProperty() {
        return host;
    }

    public StringProperty portProperty() {
        return port;
    }

    public StringProperty usernameProperty() {
        return username;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    /** What is wrong with the input, for a line under the fields; empty when it can be saved. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ObservableBooleanValue canSave() {
        return Bindings.isEmpty(problem);
    }

    public boolean systemProxyAvailable() {
        return systemProxy.isPresent();
    }

    /** The label of the system choice: the proxy found, or why there is none. */
    public String systemProxyText() {
        return systemProxyText;
    }

    /** The password field's prompt: says that leaving it empty keeps the saved password. */
    public String passwordPrompt() {
        return current.password() == null ? "" : "(unchanged)";
    }

    private void validate() {
        try {
            result();
            problem.set("");
        } catch (IllegalArgumentException e) {
            problem.set(e.getMessage());
        }
    }

    /**
     * The proxy to save.
     *
     * @throws IllegalArgumentException saying what to fix
     */
    public ProxyConfiguration result() {
        return switch (mode.get()) {
            case NONE -> current.withEnabled(false);
            case SYSTEM -> systemProxy.orElseThrow(() -> new IllegalArgumentException(
                    "No proxy is set on this machine: choose No proxy or give one yourself."));
            case CUSTOM -> custom();
        };
    }

    private ProxyConfiguration custom() {
        String hostText = host.get().strip();
        if (hostText.isEmpty()) {
            throw new IllegalArgumentException("Give the proxy's host name or IP address.");
        }
        int portNumber;
        try {
            portNumber = Integer.parseInt(port.get().strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Give the proxy's port, a number from 1 to 65535.");
        }
        if (portNumber < 1 || portNumber > 65535) {
            throw new IllegalArgumentException("The proxy port must be between 1 and 65535, not " + portNumber + ".");
        }
        String user = username.get().strip();
        String pass = password.get();
        if (pass.isEmpty() && !user.isEmpty() && user.equals(current.username())) {
            pass = current.password() == null ? "" : current.password();
        }
        return new ProxyConfiguration(true, hostText, portNumber, user.isEmpty() ? null : user,
                user.isEmpty() ? null : pass);
    }

    /** The equivalent command lines, the password masked. */
    public String equivalentCommands() {
        ProxyConfiguration proxy;
        try {
            proxy = result();
        } catch (IllegalArgumentException e) {
            return "";
        }
        List<String> options = new ArrayList<>();
        options.add("--proxyEnable " + proxy.enabled());
        if (proxy.enabled()) {
            options.add("--proxyHost " + ShellQuoting.quote(proxy.host()));
            options.add("--proxyPort " + proxy.port());
            options.add("--proxyUsername " + ShellQuoting.quote(proxy.username() == null ? "" : proxy.username()));
            options.add("--proxyPassword " + (proxy.password() == null ? "''" : "'********'"));
        }
        String suffix = " --instance " + ShellQuoting.quote(instance) + " " + String.join(" ", options);
        return "tentacle proxy" + suffix + System.lineSeparator() + "tentacle polling-proxy" + suffix;
    }
}

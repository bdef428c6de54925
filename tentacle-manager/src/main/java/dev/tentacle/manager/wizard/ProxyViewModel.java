package dev.tentacle.manager.wizard;

import dev.tentacle.instances.config.ProxyConfiguration;
import dev.tentacle.instances.registry.HostEnvironment;
import dev.tentacle.manager.wizard.install.ListeningPortCheck;
import dev.tentacle.tentacle.instance.SystemProxy;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The proxy page: whether the Tentacle's outgoing connections (for a polling Tentacle, its polling connections too) go
 * through an HTTP proxy. "The system's proxy" copies today's {@code https_proxy}/{@code http_proxy} setting (see
 * {@link SystemProxy}), since the Tentacle stores a host and port; "custom" takes them, with optional Basic
 * credentials.
 */
public final class ProxyViewModel {
    /** The choices on the page. */
    public enum Mode {
        NONE, SYSTEM, CUSTOM
    }

    private final ObjectProperty<Mode> mode = new SimpleObjectProperty<>(this, "mode", Mode.NONE);
    private final StringProperty host = new SimpleStringProperty(this, "host", "");
    private final StringProperty port = new SimpleStringProperty(this, "port", "");
    private final StringProperty username = new SimpleStringProperty(this, "username", "");
    private final StringProperty password = new SimpleStringProperty(this, "password", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final BooleanBinding valid = Bindings.isEmpty(error);
    private final Optional<ProxyConfiguration> systemProxy;
    private final String systemProxySource;
    private final String systemProxyProblem;

    public ProxyViewModel(HostEnvironment environment) {
        Objects.requireNonNull(environment, "environment");
        Optional<ProxyConfiguration> detected;
        String problem;
        try {
            detected = SystemProxy.detect(environment);
            problem = detected.isPresent() ? "" : "No system proxy is set: none of " + String.join(", ",
                    SystemProxy.VARIABLES) + " is set for this app. Choose no proxy, or give a custom one.";
        } catch (IllegalArgumentException e) {
            detected = Optional.empty();
            problem = e.getMessage();
        }
        systemProxy = detected;
        systemProxySource = SystemProxy.VARIABLES.stream().filter(name -> environment.variable(name).isPresent())
                .findFirst().orElse("");
        systemProxyProblem = problem;
        mode.addListener((observable, before, after) -> validate());
        host.addListener((observable, before, after) -> validate());
        port.addListener((observable, before, after) -> validate());
        username.addListener((observable, before, after) -> validate());
        password.addListener((observable, before, after) -> validate());
        validate();
    }

    private void validate() {
        error.set(switch (mode.get()) {
            case NONE -> "";
            case SYSTEM -> systemProxyProblem;
            case CUSTOM -> customProblem();
        });
    }

    private String customProblem() {
        String h = host.get().strip();
        if (h.isEmpty()) {
            return "Give the proxy's host name or IP address, such as proxy.example.com.";
        }
        if (h.chars().anyMatch(Character::isWhitespace) || h.contains("/")) {
            return "'" + h + "' is not a host name: give only the name or address, such as proxy.example.com, and the"
                    + " port separately.";
        }
        if (ListeningPortCheck.parse(port.get()).isEmpty()) {
            return port.get().isBlank() ? "Give the proxy's port, such as 3128 or 8080."
                    : "'" + port.get().strip() + "' is not a port: give a number from 1 to 65535, such as 3128.";
        }
        if (username.get().isBlank() && !password.get().isEmpty()) {
            return "A proxy password needs a user name too; leave both empty for a proxy without authentication.";
        }
        return "";
    }

    /** The system's proxy, for people: where it came from and what it is, or why there is none. */
    public String systemProxyDescription() {
        return systemProxy.map(p -> p + " (from " + systemProxySource + ")").orElse(systemProxyProblem);
    }

    public boolean hasSystemProxy() {
        return systemProxy.isPresent();
    }

    /** The proxy to configure; disabled for none. Only when {@link #validProperty()} is true. */
    public ProxyConfiguration proxy() {
        return switch (mode.get()) {
            case NONE -> ProxyConfiguration.disabled();
            case SYSTEM -> systemProxy.orElseThrow();
            case CUSTOM -> new ProxyConfiguration(true, host.get().strip(),
                    ListeningPortCheck.parse(port.get()).orElseThrow(), username.get(), password.get());
        };
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

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public BooleanBinding validProperty() {
        return valid;
    }
}

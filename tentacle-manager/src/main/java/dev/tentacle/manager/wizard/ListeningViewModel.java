package dev.tentacle.manager.wizard;

import dev.tentacle.comms.Thumbprint;
import dev.tentacle.instances.config.TentacleConfiguration;
import dev.tentacle.manager.wizard.install.FirewallRule;
import dev.tentacle.manager.wizard.install.ListeningPortCheck;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableStringValue;

/**
 * The listening page: the port (free on this machine, checked by binding it, and not another instance's), the
 * thumbprint of the Octopus Server allowed to connect (40 or 64 hex digits; spaces and colons as certificate viewers
 * show them are fine), and the firewall rule that lets the server in: added during the installation when the app
 * runs elevated and the user ticks it, otherwise shown for the user to run.
 */
public final class ListeningViewModel {
    /** Where the user finds the thumbprint to paste. */
    public static final String THUMBPRINT_HELP = "The Octopus Server shows its thumbprint when you add a listening"
            + " Tentacle (Infrastructure › Deployment Targets › Add › Listening Tentacle); on the server's own machine,"
            + " octopus-server show-thumbprint prints it. Only a server with this certificate may connect.";

    private final ListeningPortCheck portCheck;
    private final ObservableStringValue instanceName;
    private final BiFunction<String, Integer, FirewallRule.Advice> firewall;
    private final StringProperty port = new SimpleStringProperty(this, "port",
            Integer.toString(TentacleConfiguration.DEFAULT_LISTEN_PORT));
    private final StringProperty serverThumbprint = new SimpleStringProperty(this, "serverThumbprint", "");
    private final BooleanProperty addFirewallRule = new SimpleBooleanProperty(this, "addFirewallRule", false);
    private final ReadOnlyStringWrapper portError = new ReadOnlyStringWrapper(this, "portError", "");
    private final ReadOnlyStringWrapper thumbprintError = new ReadOnlyStringWrapper(this, "thumbprintError", "");
    private final ReadOnlyObjectWrapper<FirewallRule.Advice> firewallAdvice =
            new ReadOnlyObjectWrapper<>(this, "firewallAdvice");
    private final BooleanBinding valid = Bindings.isEmpty(portError).and(Bindings.isEmpty(thumbprintError));

    /**
     * @param firewall the advice for an instance name and a port
     */
    public ListeningViewModel(ListeningPortCheck portCheck, ObservableStringValue instanceName,
            BiFunction<String, Integer, FirewallRule.Advice> firewall) {
        this.portCheck = Objects.requireNonNull(portCheck, "portCheck");
        this.instanceName = Objects.requireNonNull(instanceName, "instanceName");
        this.firewall = Objects.requireNonNull(firewall, "firewall");
        port.addListener((observable, before, after) -> validatePort());
        instanceName.addListener((observable, before, after) -> validatePort());
        serverThumbprint.addListener((observable, before, after) -> validateThumbprint());
        validatePort();
        validateThumbprint();
    }

    private void validatePort() {
        portError.set(portCheck.problem(port.get(), instanceName.get()).orElse(""));
        Optional<Integer> parsed = ListeningPortCheck.parse(port.get());
        firewallAdvice.set(parsed.map(p -> firewall.apply(instanceName.get(), p)).orElse(null));
        if (firewallAdvice.get() == null || !firewallAdvice.get().canRun()) {
            addFirewallRule.set(false);
        }
    }

    /** Checks the port again: another program may have taken it since. */
    public void revalidate() {
        validatePort();
    }

    private void validateThumbprint() {
        String text = serverThumbprint.get();
        if (text.isBlank()) {
            thumbprintError.set("Paste the thumbprint of the Octopus Server that may connect to this Tentacle.");
            return;
        }
        String problem = PollingServerViewModel.thumbprintProblem(text);
        thumbprintError.set(problem.isEmpty() ? "" : "This is not a thumbprint: " + problem);
    }

    /** The port; only when {@link #validProperty()} is true. */
    public int portNumber() {
        return ListeningPortCheck.parse(port.get()).orElseThrow();
    }

    /** The server's thumbprint; only when {@link #validProperty()} is true. */
    public Thumbprint thumbprint() {
        return Thumbprint.parse(serverThumbprint.get());
    }

    /** The firewall rule the installation adds: only when ticked and the app may run it. */
    public Optional<FirewallRule> firewallRuleToAdd() {
        FirewallRule.Advice advice = firewallAdvice.get();
        return addFirewallRule.get() && advice != null && advice.canRun() ? advice.rule() : Optional.empty();
    }

    public StringProperty portProperty() {
        return port;
    }

    public StringProperty serverThumbprintProperty() {
        return serverThumbprint;
    }

    public BooleanProperty addFirewallRuleProperty() {
        return addFirewallRule;
    }

    public ReadOnlyStringProperty portErrorProperty() {
        return portError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty thumbprintErrorProperty() {
        return thumbprintError.getReadOnlyProperty();
    }

    /** What to do about the firewall for the port typed; null while it is not a port. */
    public ReadOnlyObjectProperty<FirewallRule.Advice> firewallAdviceProperty() {
        return firewallAdvice.getReadOnlyProperty();
    }

    public BooleanBinding validProperty() {
        return valid;
    }
}

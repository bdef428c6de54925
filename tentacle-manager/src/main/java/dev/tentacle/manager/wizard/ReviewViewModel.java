package dev.tentacle.manager.wizard;

import dev.tentacle.desktop.wizard.WizardReviewViewModel;
import dev.tentacle.instances.config.CommunicationStyle;
import dev.tentacle.instances.registry.HostEnvironment;
import dev.tentacle.instances.service.ServiceManager;
import dev.tentacle.manager.wizard.install.SetupPlan;
import dev.tentacle.manager.wizard.install.SetupScript;
import dev.tentacle.tentacle.instance.TentacleServiceDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * The review page: what will be set up, whether the OS service is installed, and the equivalent {@code tentacle}
 * commands ("Show script"), with the API key and proxy password masked unless the user asks to see them.
 */
public final class ReviewViewModel extends WizardReviewViewModel<SetupPlan, SetupScript> {
    private final HostEnvironment environment;
    private final BooleanProperty installService = new SimpleBooleanProperty(this, "installService");
    private final ReadOnlyStringWrapper serviceNote = new ReadOnlyStringWrapper(this, "serviceNote", "");
    private final boolean serviceAvailable;

    /**
     * @param plan what the other pages describe, with {@link #installServiceProperty()} for the service
     * @param services tells whether services can be installed here
     */
    public ReviewViewModel(Supplier<SetupPlan> plan, HostEnvironment environment, ServiceManager services) {
        super(plan, false);
        this.environment = Objects.requireNonNull(environment, "environment");
        String unavailable = null;
        if (!services.isSupported()) {
            unavailable = services.describe();
        } else {
            try {
                TentacleServiceDefinition.launcher(environment);
            } catch (IllegalStateException e) {
                unavailable = e.getMessage().replace("Run this command through bin/tentacle or the installed tentacle"
                        + " program, or set", "Start the Tentacle Manager through bin/tentacle-manager or the installed"
                        + " program, or set");
            }
        }
        serviceAvailable = unavailable == null;
        installService.set(serviceAvailable);
        serviceNote.set(serviceAvailable
                ? "The service starts the Tentacle now and at every boot, and restarts it if it stops."
                : "The OS service cannot be installed from here: " + unavailable + " The Tentacle is set up without"
                        + " one; run it in the foreground with tentacle run.");
        installService.addListener((observable, before, after) -> refresh());
    }

    @Override
    protected SetupScript script(SetupPlan p) {
        return SetupScript.of(p, environment.operatingSystem());
    }

    @Override
    protected List<Row> rows(SetupPlan p) {
        List<Row> rows = new ArrayList<>();
        rows.add(new Row("Instance", p.instanceName()));
        rows.add(new Row("Communication", p.style() == CommunicationStyle.LISTENING
                ? "Listening: the Octopus Server connects to this Tentacle" : "Polling: this Tentacle connects to the"
                        + " Octopus Server"));
        rows.add(new Row("Home directory", p.homeDirectory().toString()));
        rows.add(new Row("Applications", p.applicationDirectory().toString()));
        rows.add(new Row("Proxy", p.proxy().enabled() ? p.proxy().toString() : "None: connects directly"));
        p.listening().ifPresent(listening -> {
            rows.add(new Row("Listens on", "TCP port " + listening.port()));
            rows.add(new Row("Trusts the server", listening.serverThumbprint().hex()));
            rows.add(new Row("Firewall", listening.firewallRule().map(r -> "Adds a " + r.tool() + " rule for port "
                    + listening.port()).orElse("No rule added by the setup")));
        });
        p.polling().ifPresent(polling -> {
            rows.add(new Row("Octopus Server", polling.server().address().toString()));
            rows.add(new Row("Server thumbprint", polling.server().serverThumbprint().hex()));
            rows.add(new Row("Machine name", polling.machineName()));
            rows.add(new Row("Environments", join(polling.tags().environments())));
            rows.add(new Row("Roles", join(polling.tags().roles())));
            rows.add(new Row("Machine policy", polling.tags().policy() == null ? "The server's default"
                    : polling.tags().policy()));
        });
        rows.add(new Row("OS service", p.installService() ? "Installed and started" : "Not installed"));
        return rows;
    }

    private static String join(List<String> names) {
        return names.isEmpty() ? "(none)" : String.join(", ", names);
    }

    public BooleanProperty installServiceProperty() {
        return installService;
    }

    public boolean serviceAvailable() {
        return serviceAvailable;
    }

    public ReadOnlyStringProperty serviceNoteProperty() {
        return serviceNote.getReadOnlyProperty();
    }

    /** The script of the last {@link #refresh()}. */
    public SetupScript setupScript() {
        return currentScript();
    }
}

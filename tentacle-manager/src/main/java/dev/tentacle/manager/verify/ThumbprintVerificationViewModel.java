package dev.tentacle.manager.verify;

import dev.tentacle.comms.CertificateThumbprints;
import dev.tentacle.instances.config.TentacleConfiguration;
import dev.tentacle.instances.config.TrustedServer;
import dev.tentacle.instances.registry.InstanceRecord;
import dev.tentacle.instances.service.ServiceManager;
import dev.tentacle.instances.service.ServiceStatus;
import dev.tentacle.manager.ManagerContext;
import dev.tentacle.desktop.fx.BackgroundJob;
import dev.tentacle.tentacle.instance.TentacleInstance;
import java.util.List;
import java.util.Objects;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The thumbprint verification screen: this Tentacle's certificate thumbprints, in both forms, to compare with what
 * the Octopus Server shows; and for a polling Tentacle, each server it trusts (learned when it registered), which the
 * user confirms as theirs or rejects. Rejecting removes that trust (as {@code tentacle configure --remove-trust}
 * does) and restarts a running service so that it stops polling that server at once.
 */
public final class ThumbprintVerificationViewModel {
    /** What the user said about a trusted polling server. */
    public enum Verdict {
        UNCHECKED, CONFIRMED, REJECTED
    }

    /** A polling server this Tentacle trusts, and what the user said about it. */
    public static final class ServerItem {
        private final TrustedServer server;
        private final ObjectProperty<Verdict> verdict = new SimpleObjectProperty<>(this, "verdict", Verdict.UNCHECKED);

        ServerItem(TrustedServer server) {
            this.server = server;
        }

        public TrustedServer server() {
            return server;
        }

        public ObjectProperty<Verdict> verdictProperty() {
            return verdict;
        }

        public Verdict verdict() {
            return verdict.get();
        }
    }

    private final ManagerContext context;
    private final String instanceName;
    private final ReadOnlyStringWrapper sha1 = new ReadOnlyStringWrapper(this, "sha1", "");
    private final ReadOnlyStringWrapper sha256 = new ReadOnlyStringWrapper(this, "sha256", "");
    private final ReadOnlyStringWrapper instruction = new ReadOnlyStringWrapper(this, "instruction", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);
    private final ObservableList<ServerItem> pollingServers = FXCollections.observableArrayList();
    private final ObservableList<String> listeningServers = FXCollections.observableArrayList();
    private TentacleInstance instance;

    public ThumbprintVerificationViewModel(ManagerContext context, String instanceName) {
        this.context = Objects.requireNonNull(context, "context");
        this.instanceName = Objects.requireNonNull(instanceName, "instanceName");
        load();
    }

    private void load() {
        try {
            InstanceRecord record = context.registry().get(instanceName);
            instance = new TentacleInstance(record.name(), record.configFile());
            TentacleConfiguration configuration = instance.configuration();
            CertificateThumbprints thumbprints = instance.identity(configuration).thumbprints();
            sha1.set(thumbprints.sha1().hex());
            sha256.set(thumbprints.sha256().hex());
            pollingServers.setAll(configuration.pollingServers().stream().map(ServerItem::new).toList());
            listeningServers.setAll(configuration.trustedServers().stream().filter(s -> !s.isPolling())
                    .map(s -> s.thumbprint().hex()).toList());
            instruction.set(pollingServers.isEmpty()
                    ? "When you add this machine on the Octopus Server as a listening Tentacle, the server connects to"
                            + " it and shows the thumbprint it found. Check that it is this one (either form); if it"
                            + " is not, something else answered on this machine's address."
                    : "The Octopus Server lists this machine under Infrastructure › Deployment Targets with the"
                            + " thumbprint it was registered with. Check that it is this one (either form). Then check"
                            + " the server's own thumbprint below against what the server shows (octopus-server"
                            + " show-thumbprint).");
        } catch (RuntimeException e) {
            error.set("Cannot show the thumbprint of the Tentacle instance '" + instanceName + "': " + e.getMessage());
        }
    }

    /** The user says this server is theirs. */
    public void confirm(ServerItem item) {
        item.verdictProperty().set(Verdict.CONFIRMED);
        message.set("Confirmed: the server at " + item.server().address() + " with the thumbprint "
                + item.server().thumbprint() + " is yours. This Tentacle polls it as " + item.server().pollingUri() + ".");
    }

    /**
     * The user says this is not their server: stop trusting it, and restart a running service so that it stops
     * polling at once. Runs in the background; the message says what was done and what to do next.
     */
    public void reject(ServerItem item) {
        if (instance == null || busy.get()) {
            return;
        }
        busy.set(true);
        message.set("");
        error.set("");
        TrustedServer server = item.server();
        BackgroundJob.start(context.background(), context.ui(), progress -> {
            instance.update(c -> c.withoutTrust(server.thumbprint()));
            ServiceManager services = context.serviceManager().get();
            boolean restarted = false;
            if (services.status(instance.serviceName()).state() == ServiceStatus.State.RUNNING) {
                services.restart(instance.serviceName());
                restarted = true;
            }
            return restarted;
        }, restarted -> {
            busy.set(false);
            item.verdictProperty().set(Verdict.REJECTED);
            message.set("This Tentacle no longer trusts the server with the thumbprint " + server.thumbprint()
                    + " and no longer polls " + server.address() + (restarted
                            ? "; its service was restarted so that this takes effect now." : ".")
                    + " The API key you entered was sent to that server: treat it as known to whoever runs it, and"
                    + " stop using it. Check the server's address, then delete this instance and set it up again,"
                    + " giving the thumbprint your Octopus Server shows on the server page.");
        }, failure -> {
            busy.set(false);
            error.set("Could not remove the trust in " + server.thumbprint() + ": " + failure.getMessage()
                    + " Remove it by hand with: tentacle configure --instance " + quoted(instanceName)
                    + " --remove-trust " + server.thumbprint().hex());
        });
    }

    private static String quoted(String argument) {
        return argument.contains(" ") ? '"' + argument + '"' : argument;
    }

    public String instanceName() {
        return instanceName;
    }

    public ReadOnlyStringProperty sha1Property() {
        return sha1.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty sha256Property() {
        return sha256.getReadOnlyProperty();
    }

    /** How to compare the thumbprints. */
    public ReadOnlyStringProperty instructionProperty() {
        return instruction.getReadOnlyProperty();
    }

    /** Why the thumbprint cannot be shown, or the last action failed; empty otherwise. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** What the last confirmation or rejection did. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The polling servers this Tentacle trusts; empty for a listening Tentacle. */
    public ObservableList<ServerItem> pollingServers() {
        return pollingServers;
    }

    /** The thumbprints of the servers allowed to connect to this listening Tentacle. */
    public List<String> listeningServers() {
        return List.copyOf(listeningServers);
    }
}

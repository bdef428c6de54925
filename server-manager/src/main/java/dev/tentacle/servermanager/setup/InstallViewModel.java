package dev.tentacle.servermanager.setup;

import dev.tentacle.desktop.fx.UiThread;
import dev.tentacle.desktop.wizard.WizardInstallViewModel;
import dev.tentacle.server.admin.InstalledServer;
import dev.tentacle.server.admin.ServerApiKeys;
import dev.tentacle.server.admin.ServerSetup;
import dev.tentacle.server.admin.ServerSetupPlan;
import java.util.Objects;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The install page: runs the {@link ServerSetup} in the background, shows each step's state and the output, and lets
 * the user cancel between steps. A failed or cancelled installation has been rolled back when it ends; the page then
 * says what went wrong and what to do, and the user may try again. After a success it shows the administrator's API
 * key, the only time it exists in plain text: {@link #forgetApiKey()} drops it when the wizard closes, and it never
 * goes into the output.
 */
public final class InstallViewModel extends WizardInstallViewModel<ServerSetupPlan, InstalledServer> {
    private final ReadOnlyStringWrapper apiKey = new ReadOnlyStringWrapper(this, "apiKey", "");
    private final ReadOnlyStringWrapper thumbprint = new ReadOnlyStringWrapper(this, "thumbprint", "");

    public InstallViewModel(ServerSetup setup, Executor background, UiThread ui) {
        super(Installer.of(ServerSetup::steps, Objects.requireNonNull(setup, "setup")::install), ServerSetup.UNDONE,
                background, ui);
    }

    @Override
    protected String installingHeadline(ServerSetupPlan plan) {
        return "Setting up the Octopus Server '" + plan.instanceName() + "'…";
    }

    @Override
    protected String instanceName(InstalledServer installed) {
        return installed.instance().name();
    }

    @Override
    protected void installed(InstalledServer installed) {
        apiKey.set(installed.apiKey().plainKey());
        thumbprint.set(installed.thumbprints().sha1() + " (SHA-256: " + installed.thumbprints().sha256() + ")");
        showResult("The Octopus Server '" + installed.instance().name() + "' is set up.", notesThen(installed.notes(),
                ServerApiKeys.SHOWN_ONCE + " Tentacles trust this server by the thumbprint above."));
    }

    /** Drops the API key: after the wizard closes it exists nowhere in plain text. */
    public void forgetApiKey() {
        apiKey.set("");
    }

    /** The administrator's API key after a success, until {@link #forgetApiKey()}; empty otherwise. */
    public ReadOnlyStringProperty apiKeyProperty() {
        return apiKey.getReadOnlyProperty();
    }

    /** The new server's thumbprints, "SHA1 (SHA-256: SHA256)", after a success. */
    public ReadOnlyStringProperty thumbprintProperty() {
        return thumbprint.getReadOnlyProperty();
    }
}

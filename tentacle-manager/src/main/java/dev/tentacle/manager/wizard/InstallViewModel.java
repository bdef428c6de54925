package dev.tentacle.manager.wizard;

import dev.tentacle.desktop.fx.UiThread;
import dev.tentacle.desktop.wizard.WizardInstallViewModel;
import dev.tentacle.instances.setup.SetupOutcome;
import dev.tentacle.manager.wizard.install.InstalledTentacle;
import dev.tentacle.manager.wizard.install.SetupInstaller;
import dev.tentacle.manager.wizard.install.SetupPlan;
import java.util.Objects;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The install page: runs the {@link SetupInstaller} in the background, shows each step's state and the output, and
 * lets the user cancel between steps. A failed or cancelled installation has been rolled back when it ends; the page
 * then says what went wrong and what to do, and the user may try again.
 */
public final class InstallViewModel extends WizardInstallViewModel<SetupPlan, InstalledTentacle> {
    private final ReadOnlyObjectWrapper<SetupOutcome<InstalledTentacle>> outcome = new ReadOnlyObjectWrapper<>(this,
            "outcome");

    public InstallViewModel(SetupInstaller installer, Executor background, UiThread ui) {
        super(Installer.of(SetupInstaller::steps, Objects.requireNonNull(installer, "installer")::install),
                SetupInstaller.UNDONE, background, ui);
    }

    @Override
    protected String installingHeadline(SetupPlan plan) {
        return "Installing the Tentacle '" + plan.instanceName() + "'…";
    }

    @Override
    protected String instanceName(InstalledTentacle installed) {
        return installed.instance().name();
    }

    @Override
    protected void outcome(SetupOutcome<InstalledTentacle> result) {
        outcome.set(result);
    }

    @Override
    protected void installed(InstalledTentacle installed) {
        showResult("The Tentacle '" + installed.instance().name() + "' is set up.", notesThen(installed.notes(),
                "Press Finish to see this Tentacle's thumbprint and compare it with what the Octopus Server shows."));
    }

    /** How the last installation ended; null before one ends. */
    public ReadOnlyObjectProperty<SetupOutcome<InstalledTentacle>> outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }
}

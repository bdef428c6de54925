package dev.tentacle.servermanager.setup;

import dev.tentacle.servermanager.ServerManagerContext;
import java.util.Objects;
import java.util.Optional;
import javafx.stage.Window;

/**
 * The Octopus Server setup wizard: name and home → database (embedded H2, or PostgreSQL with Test connection) → ports
 * (each checked free) → the administrator's API key → the OS service → review with "Show script" → install, step by
 * step, rolled back on failure, ending with the API key shown once. See docs/server-manager-setup.md.
 */
public final class ServerSetupWizard {
    private ServerSetupWizard() {
    }

    /**
     * Shows the wizard, modal to {@code owner}, and waits until it is closed. Call it on the JavaFX thread.
     *
     * @return the name of the instance it set up; empty when the user closed it before a successful install
     */
    public static Optional<String> show(Window owner, ServerManagerContext context) {
        Objects.requireNonNull(context, "context");
        SetupWizardViewModel model = new SetupWizardViewModel(context);
        new SetupWizardView(owner, model).showAndWait();
        return model.installedInstance();
    }
}

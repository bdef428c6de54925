package dev.tentacle.manager.wizard;

import dev.tentacle.manager.ManagerContext;
import dev.tentacle.manager.verify.ThumbprintVerification;
import java.util.Objects;
import java.util.Optional;
import javafx.stage.Window;

/**
 * The Tentacle setup wizard: name → communication style → storage → proxy → (polling: the Octopus Server and API key,
 * checked live, then the machine's registration | listening: port, the server's thumbprint, the firewall) → review
 * with "Show script" → install, step by step, rolled back on failure. After a successful install it opens the
 * {@link ThumbprintVerification} screen. See docs/tentacle-manager-wizard.md.
 */
public final class SetupWizard {
    private SetupWizard() {
    }

    /**
     * Shows the wizard, modal to {@code owner}, and waits until it is closed. Call it on the JavaFX thread.
     *
     * @return the name of the instance it set up; empty when the user closed it before a successful install
     */
    public static Optional<String> show(Window owner, ManagerContext context) {
        Objects.requireNonNull(context, "context");
        return show(owner, context, WizardServices.forThisMachine(context.environment()));
    }

    /** As {@link #show(Window, ManagerContext)}, with the wizard's services replaced (tests). */
    static Optional<String> show(Window owner, ManagerContext context, WizardServices services) {
        SetupWizardViewModel model = new SetupWizardViewModel(context, services);
        new SetupWizardView(owner, model).showAndWait();
        Optional<String> installed = model.installedInstance();
        installed.ifPresent(name -> ThumbprintVerification.show(owner, context, name));
        return installed;
    }
}

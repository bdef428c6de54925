package dev.tentacle.manager;

import dev.tentacle.manager.health.HealthCheckDialog;
import dev.tentacle.manager.verify.ThumbprintVerification;
import dev.tentacle.manager.wizard.SetupWizard;
import java.util.Objects;
import java.util.Optional;
import javafx.stage.Window;

/** The app's screens: the setup wizard, the thumbprint verification and the health check, over one context. */
public final class AppScreens implements Screens {
    private final ManagerContext context;

    public AppScreens(ManagerContext context) {
        this.context = Objects.requireNonNull(context, "context");
    }

    @Override
    public Optional<String> runSetupWizard(Window owner) {
        return SetupWizard.show(owner, context);
    }

    @Override
    public void showThumbprintVerification(Window owner, String instance) {
        ThumbprintVerification.show(owner, context, instance);
    }

    @Override
    public void showHealthCheck(Window owner, String instance) {
        HealthCheckDialog.show(owner, context, instance);
    }
}

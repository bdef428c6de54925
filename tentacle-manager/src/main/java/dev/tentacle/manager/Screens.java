package dev.tentacle.manager;

import java.util.Optional;
import javafx.stage.Window;

/**
 * The screens the main window and the welcome screen open: the setup wizard, the thumbprint verification and the
 * health check. Each opens modally over {@code owner} and returns when it is closed. The composition root
 * ({@link TentacleManagerApp}) is given the implementation.
 */
public interface Screens {

    /**
     * Runs the setup wizard for a new Tentacle instance.
     *
     * @return the name of the instance it set up, or empty when the user cancelled (or setup was rolled back)
     */
    Optional<String> runSetupWizard(Window owner);

    /** Shows the instance's thumbprint for comparison with what the Octopus Server shows. */
    void showThumbprintVerification(Window owner, String instance);

    /** Runs the connectivity checks for the instance and shows each result with what to do. */
    void showHealthCheck(Window owner, String instance);
}

package dev.tentacle.manager;

import java.util.Optional;
import javafx.scene.control.Alert;
import javafx.stage.Window;

/**
 * {@link Screens} for a build that does not include them yet: each says so in a dialog, and what to use instead.
 */
public final class UnavailableScreens implements Screens {

    @Override
    public Optional<String> runSetupWizard(Window owner) {
        show(owner, "The setup wizard is not available in this build.",
                "Set up a Tentacle with the command line instead: tentacle create-instance, tentacle new-certificate"
                        + " and tentacle configure (see docs/cli.md). It appears here as soon as it exists.");
        return Optional.empty();
    }

    @Override
    public void showThumbprintVerification(Window owner, String instance) {
        show(owner, "Thumbprint verification is not available in this build.",
                "Compare the thumbprint shown in the main window with the one the Octopus Server shows, or run:"
                        + " tentacle show-thumbprint --instance " + instance);
    }

    @Override
    public void showHealthCheck(Window owner, String instance) {
        show(owner, "The health check is not available in this build.",
                "Check the Tentacle from the Octopus Server instead (octopus-server machine health-check).");
    }

    private static void show(Window owner, String header, String content) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION);
        if (owner != null) {
            alert.initOwner(owner);
        }
        alert.setTitle("Tentacle Manager");
        alert.setHeaderText(header);
        alert.setContentText(content);
        alert.showAndWait();
    }
}

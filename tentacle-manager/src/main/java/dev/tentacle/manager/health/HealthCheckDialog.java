package dev.tentacle.manager.health;

import dev.tentacle.desktop.fx.Windows;
import dev.tentacle.manager.ManagerContext;
import dev.tentacle.tentacle.diagnostics.TentacleDiagnostics;
import dev.tentacle.tentacle.instance.TentacleInstance;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.function.Function;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Opens the health check of one Tentacle instance: a window, modal to its owner, that runs the connectivity checks at
 * once and shows each result as it arrives, with Cancel while they run, Re-run and Close. Closing it cancels checks
 * still running.
 */
public final class HealthCheckDialog {
    static final String FXML = "HealthCheckView.fxml";

    private HealthCheckDialog() {
    }

    /**
     * Shows the dialog and starts the checks; returns at once.
     *
     * @param owner the window it belongs to, or null for none
     * @param instanceName the instance, as registered in the context's registry
     */
    public static void show(Window owner, ManagerContext context, String instanceName) {
        show(owner, HealthCheckViewModel.forInstance(context, instanceName));
    }

    /** As {@link #show(Window, ManagerContext, String)}, with the diagnostics tuned; tests shorten the timeouts. */
    static Stage show(Window owner, ManagerContext context, String instanceName,
            Function<TentacleInstance, TentacleDiagnostics> diagnostics) {
        return show(owner, HealthCheckViewModel.forInstance(context, instanceName, diagnostics));
    }

    static Stage show(Window owner, HealthCheckViewModel viewModel) {
        Objects.requireNonNull(viewModel, "viewModel");
        HealthCheckView view = new HealthCheckView(viewModel);
        FXMLLoader loader = new FXMLLoader(HealthCheckDialog.class.getResource(FXML));
        loader.setControllerFactory(type -> {
            if (type != HealthCheckView.class) {
                throw new IllegalArgumentException("Unexpected controller " + type + " in " + FXML);
            }
            return view;
        });
        Parent root;
        try {
            root = loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not load " + FXML + ": " + e.getMessage(), e);
        }
        Stage stage = Windows.ownedBy(owner, true);
        stage.setTitle(viewModel.title());
        stage.setScene(new Scene(root));
        view.setOnClose(stage::close);
        stage.setOnHidden(event -> viewModel.cancel());
        stage.show();
        viewModel.run();
        return stage;
    }
}

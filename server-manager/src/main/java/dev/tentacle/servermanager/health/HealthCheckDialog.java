package dev.tentacle.servermanager.health;

import java.util.Objects;
import javafx.scene.Scene;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Opens the health check in a window modal to its owner and starts it at once. Closing the window cancels a check
 * still running (the task is asked to stop; its results so far stay in each machine's history).
 */
public final class HealthCheckDialog {
    private HealthCheckDialog() {
    }

    /**
     * Shows the window and starts the check; returns at once.
     *
     * @param closed runs when the window has closed
     */
    public static Stage show(Window owner, HealthCheckViewModel viewModel, Runnable closed) {
        Objects.requireNonNull(viewModel, "viewModel");
        Objects.requireNonNull(closed, "closed");
        HealthCheckView view = new HealthCheckView(viewModel);
        Stage stage = new Stage();
        if (owner != null) {
            stage.initOwner(owner);
            stage.initModality(Modality.WINDOW_MODAL);
            if (owner.getScene() != null && owner.getScene().getRoot() != null) {
                // The app's style sheet and text size, as the owner has them.
                view.root().getStylesheets().addAll(0, owner.getScene().getRoot().getStylesheets());
                view.root().setStyle(owner.getScene().getRoot().getStyle());
            }
        }
        stage.setTitle(viewModel.title());
        stage.setScene(new Scene(view.root()));
        view.setOnClose(stage::close);
        stage.setOnHidden(event -> {
            viewModel.cancel();
            closed.run();
        });
        stage.show();
        viewModel.run();
        return stage;
    }
}

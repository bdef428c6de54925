package dev.tentacle.servermanager.addmachine;

import dev.tentacle.desktop.fx.FailureDialog;
import dev.tentacle.desktop.fx.Windows;
import java.util.Objects;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Opens the add listening Tentacle screen in a window of its own, modal to its owner; it stays open after adding so
 * that the user can copy the trust command, or add another.
 */
public final class AddTentacleDialog {
    private AddTentacleDialog() {
    }

    /** Shows the window and loads the machine policies; returns at once. Call it on the JavaFX thread. */
    public static Stage show(Window owner, AddTentacleViewModel model) {
        Objects.requireNonNull(model, "model");
        AddTentacleView view = new AddTentacleView(model);
        Stage stage = Windows.toolWindow(owner, true, view.root(), model.title());
        model.actions().setFailureHandler(failure -> FailureDialog.show(stage, failure));
        view.setOnClose(stage::close);
        stage.setOnHidden(event -> model.cancelConnecting());
        stage.show();
        view.firstFocus().requestFocus();
        model.load();
        return stage;
    }
}

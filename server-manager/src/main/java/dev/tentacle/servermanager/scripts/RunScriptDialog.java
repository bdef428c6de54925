package dev.tentacle.servermanager.scripts;

import dev.tentacle.desktop.fx.Appearance;
import dev.tentacle.desktop.fx.FailureDialog;
import java.util.Objects;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Opens the run script screen in a window of its own (not modal: the user can look at the machines while a script
 * runs). Closing it while a script runs asks first, then cancels the script.
 */
public final class RunScriptDialog {
    private RunScriptDialog() {
    }

    /** Shows the window and loads the machines; returns at once. Call it on the JavaFX thread. */
    public static Stage show(Window owner, RunScriptViewModel model) {
        Objects.requireNonNull(model, "model");
        RunScriptView view = new RunScriptView(model);
        Parent root = view.root();
        Stage stage = new Stage();
        if (owner != null) {
            stage.initOwner(owner);
        }
        new Appearance().style(root);
        if (owner != null && owner.getScene() != null && owner.getScene().getRoot() != null) {
            root.styleProperty().unbind();
            root.styleProperty().bind(owner.getScene().getRoot().styleProperty());
        }
        stage.setTitle(model.title());
        stage.setScene(new Scene(root));
        model.actions().setFailureHandler(failure -> FailureDialog.show(stage, failure));
        view.setOnClose(stage::close);
        stage.setOnCloseRequest(event -> {
            event.consume();
            view.closeButtonAction();
        });
        model.load();
        stage.show();
        view.firstFocus().requestFocus();
        return stage;
    }
}

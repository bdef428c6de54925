package dev.tentacle.servermanager.scripts;

import dev.tentacle.desktop.fx.FailureDialog;
import dev.tentacle.desktop.fx.Windows;
import java.util.Objects;
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
        Stage stage = Windows.toolWindow(owner, false, view.root(), model.title());
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

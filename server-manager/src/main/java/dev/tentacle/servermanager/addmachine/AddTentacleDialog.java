package dev.tentacle.servermanager.addmachine;

import dev.tentacle.desktop.fx.Appearance;
import dev.tentacle.desktop.fx.FailureDialog;
import java.util.Objects;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Modality;
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
        Parent root = view.root();
        Stage stage = new Stage();
        if (owner != null) {
            stage.initOwner(owner);
            stage.initModality(Modality.WINDOW_MODAL);
        }
        styleLike(owner, root);
        stage.setTitle(model.title());
        stage.setScene(new Scene(root));
        model.actions().setFailureHandler(failure -> FailureDialog.show(stage, failure));
        view.setOnClose(stage::close);
        stage.setOnHidden(event -> model.cancelConnecting());
        stage.show();
        view.firstFocus().requestFocus();
        model.load();
        return stage;
    }

    /** The app's style sheet, and the owner's text size when it has one. */
    private static void styleLike(Window owner, Parent root) {
        new Appearance().style(root);
        if (owner != null && owner.getScene() != null && owner.getScene().getRoot() != null) {
            Parent ownerRoot = owner.getScene().getRoot();
            root.styleProperty().unbind();
            root.styleProperty().bind(ownerRoot.styleProperty());
        }
    }
}

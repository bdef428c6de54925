package dev.tentacle.desktop.testing;

import atlantafx.base.theme.PrimerLight;
import java.util.List;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The window a dialog under test opens over, standing in for the app's main window: the app's light theme, and a
 * label with the app's name. Call on the JavaFX thread (in TestFX's {@code @Start}, or through {@code interact}).
 */
public final class OwnerStage {
    private OwnerStage() {
    }

    /** Shows {@code stage} as the owner, {@code width} by {@code height}; returns it. */
    public static Stage show(Stage stage, String appName, double width, double height) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        stage.setScene(new Scene(new StackPane(new Label(appName)), width, height));
        stage.show();
        return stage;
    }

    /** Hides every open window but the owner: the dialogs a test left open. */
    public static void hideAllBut(Window owner) {
        List.copyOf(Window.getWindows()).stream().filter(w -> w != owner).forEach(Window::hide);
    }
}

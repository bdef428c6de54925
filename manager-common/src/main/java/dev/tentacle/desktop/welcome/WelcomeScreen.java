package dev.tentacle.desktop.welcome;

import dev.tentacle.desktop.fx.Fxml;
import dev.tentacle.desktop.fx.Views;
import java.util.Objects;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * A manager's welcome screen, shown while there is no instance: the controller of the FXML beside the subclass, whose
 * root {@code root} holds the labels {@code titleLabel}, {@code introductionLabel}, {@code noInstancesLabel} and
 * {@code registryLabel} for the {@link WelcomeText}. The subclass adds the buttons that start the setup wizard.
 */
public abstract class WelcomeScreen {
    @FXML private VBox root;
    @FXML private Label titleLabel;
    @FXML private Label introductionLabel;
    @FXML private Label noInstancesLabel;
    @FXML private Label registryLabel;

    protected WelcomeScreen(WelcomeText text) {
        Objects.requireNonNull(text, "text");
        Fxml.load(this);
        WelcomeLabels.show(text, titleLabel, introductionLabel, noInstancesLabel, registryLabel);
    }

    public final Parent root() {
        return root;
    }

    /** Puts the keyboard focus on the default button, for when the screen is shown. */
    public abstract void focus();

    /** The window that shows the screen, to own the wizard; null while it is not shown. */
    protected final Window window() {
        return Views.window(root);
    }
}

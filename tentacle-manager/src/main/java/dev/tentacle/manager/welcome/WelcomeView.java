package dev.tentacle.manager.welcome;

import dev.tentacle.manager.Screens;
import dev.tentacle.desktop.fx.Fxml;
import dev.tentacle.desktop.fx.Views;
import dev.tentacle.desktop.welcome.WelcomeLabels;
import java.util.Objects;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** Binds {@link WelcomeViewModel} to {@code WelcomeView.fxml}; both buttons open the setup wizard. */
public final class WelcomeView {
    private final WelcomeViewModel viewModel;
    private final Screens screens;

    @FXML private VBox root;
    @FXML private Label titleLabel;
    @FXML private Label introductionLabel;
    @FXML private Label noInstancesLabel;
    @FXML private Label registryLabel;
    @FXML private Button getStartedButton;
    @FXML private Button addButton;

    public WelcomeView(WelcomeViewModel viewModel, Screens screens) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
        this.screens = Objects.requireNonNull(screens, "screens");
        Fxml.load(this);
        WelcomeLabels.show(viewModel, titleLabel, introductionLabel, noInstancesLabel, registryLabel);
    }

    public Parent root() {
        return root;
    }

    /** Puts the keyboard focus on Get started, for when the screen is shown. */
    public void focus() {
        getStartedButton.requestFocus();
    }

    @FXML
    private void getStarted() {
        runWizard();
    }

    @FXML
    private void addTentacle() {
        runWizard();
    }

    private void runWizard() {
        Window owner = Views.window(root);
        viewModel.instanceCreated(screens.runSetupWizard(owner));
    }
}

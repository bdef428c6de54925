package dev.tentacle.servermanager.welcome;

import dev.tentacle.desktop.fx.Fxml;
import dev.tentacle.servermanager.Screens;
import java.util.Objects;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** Binds {@link WelcomeViewModel} to {@code WelcomeView.fxml}; Set up a server opens the setup wizard. */
public final class WelcomeView {
    private final WelcomeViewModel viewModel;
    private final Screens screens;

    @FXML private VBox root;
    @FXML private Label titleLabel;
    @FXML private Label introductionLabel;
    @FXML private Label noInstancesLabel;
    @FXML private Label registryLabel;
    @FXML private Button setUpButton;

    public WelcomeView(WelcomeViewModel viewModel, Screens screens) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
        this.screens = Objects.requireNonNull(screens, "screens");
        Fxml.load(this);
        titleLabel.setText(viewModel.title());
        introductionLabel.setText(viewModel.introduction());
        noInstancesLabel.setText(viewModel.noInstances());
        registryLabel.setText(viewModel.registry());
    }

    public Parent root() {
        return root;
    }

    /** Puts the keyboard focus on Set up a server, for when the screen is shown. */
    public void focus() {
        setUpButton.requestFocus();
    }

    @FXML
    private void setUp() {
        Window owner = root.getScene() == null ? null : root.getScene().getWindow();
        screens.setupWizard(owner, viewModel::instanceCreated);
    }
}

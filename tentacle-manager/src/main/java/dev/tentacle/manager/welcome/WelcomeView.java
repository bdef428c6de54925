package dev.tentacle.manager.welcome;

import dev.tentacle.desktop.welcome.WelcomeScreen;
import dev.tentacle.manager.Screens;
import java.util.Objects;
import javafx.fxml.FXML;
import javafx.scene.control.Button;

/** Binds {@link WelcomeViewModel} to {@code WelcomeView.fxml}; both buttons open the setup wizard. */
public final class WelcomeView extends WelcomeScreen {
    private final WelcomeViewModel viewModel;
    private final Screens screens;

    @FXML private Button getStartedButton;
    @FXML private Button addButton;

    public WelcomeView(WelcomeViewModel viewModel, Screens screens) {
        super(viewModel);
        this.viewModel = viewModel;
        this.screens = Objects.requireNonNull(screens, "screens");
    }

    /** Puts the keyboard focus on Get started, for when the screen is shown. */
    @Override
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
        viewModel.instanceCreated(screens.runSetupWizard(window()));
    }
}

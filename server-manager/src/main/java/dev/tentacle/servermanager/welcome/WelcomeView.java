package dev.tentacle.servermanager.welcome;

import dev.tentacle.desktop.welcome.WelcomeScreen;
import dev.tentacle.servermanager.Screens;
import java.util.Objects;
import javafx.fxml.FXML;
import javafx.scene.control.Button;

/** Binds {@link WelcomeViewModel} to {@code WelcomeView.fxml}; Set up a server opens the setup wizard. */
public final class WelcomeView extends WelcomeScreen {
    private final WelcomeViewModel viewModel;
    private final Screens screens;

    @FXML private Button setUpButton;

    public WelcomeView(WelcomeViewModel viewModel, Screens screens) {
        super(viewModel);
        this.viewModel = viewModel;
        this.screens = Objects.requireNonNull(screens, "screens");
    }

    /** Puts the keyboard focus on Set up a server, for when the screen is shown. */
    @Override
    public void focus() {
        setUpButton.requestFocus();
    }

    @FXML
    private void setUp() {
        screens.setupWizard(window(), viewModel::instanceCreated);
    }
}

package dev.tentacle.desktop.welcome;

import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.stage.Window;

/** A welcome screen as a manager writes one, for {@link WelcomeScreenTest}. */
final class SampleWelcome extends WelcomeScreen {
    @FXML private Button startButton;
    Window startedFrom;
    int started;

    SampleWelcome(WelcomeText text) {
        super(text);
    }

    @Override
    public void focus() {
        startButton.requestFocus();
    }

    @FXML
    private void start() {
        started++;
        startedFrom = window();
    }
}

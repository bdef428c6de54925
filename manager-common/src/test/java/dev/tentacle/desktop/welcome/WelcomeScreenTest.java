package dev.tentacle.desktop.welcome;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class WelcomeScreenTest {
    Stage stage;
    SampleWelcome welcome;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        welcome = new SampleWelcome(new WelcomeLabelsTest.Text("Welcome to the sample", "It samples.",
                "There is no sample yet.", WelcomeText.registeredIn("/tmp/registry")));
        stage.setScene(new Scene(welcome.root(), 400, 300));
        stage.show();
    }

    @Test
    void showsTheTextAndTheSubclassesButtonsWork(FxRobot robot) {
        assertThat(robot.lookup("Welcome to the sample").queryAs(Label.class)).isNotNull();
        assertThat(robot.lookup("Instances are registered in /tmp/registry.").tryQuery()).isPresent();
        assertThat(welcome.root().getStyleClass()).contains("welcome");

        robot.interact(welcome::focus);
        assertThat(robot.lookup("#startButton").queryAs(Button.class).isFocused()).isTrue();
        robot.type(KeyCode.ENTER);

        assertThat(welcome.started).isEqualTo(1);
        assertThat(welcome.startedFrom).isSameAs(stage);
    }
}

package dev.tentacle.desktop.welcome;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class WelcomeLabelsTest {
    @Start
    void start(Stage stage) {
    }

    record Text(String title, String introduction, String noInstances, String registry) implements WelcomeText {
    }

    @Test
    void eachLabelShowsItsPartOfTheText() {
        Label title = new Label();
        Label introduction = new Label();
        Label noInstances = new Label();
        Label registry = new Label();

        WelcomeLabels.show(new Text("Welcome", "What it does.", "There is none yet.",
                WelcomeText.registeredIn("/etc/octopus")), title, introduction, noInstances, registry);

        assertThat(title.getText()).isEqualTo("Welcome");
        assertThat(introduction.getText()).isEqualTo("What it does.");
        assertThat(noInstances.getText()).isEqualTo("There is none yet.");
        assertThat(registry.getText()).isEqualTo("Instances are registered in /etc/octopus.");
    }
}

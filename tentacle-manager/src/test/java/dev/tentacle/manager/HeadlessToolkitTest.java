package dev.tentacle.manager;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.controlsfx.control.ToggleSwitch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kordamp.ikonli.javafx.FontIcon;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The toolkit the app is built on works headless here: JavaFX on Monocle, the AtlantaFX theme, a ControlsFX control
 * and an Ikonli icon, driven by TestFX. If this fails, every other UI test fails for the same reason: check the
 * Surefire JVM arguments in this module's pom against ../shared/FACTS.md.
 */
@ExtendWith(ApplicationExtension.class)
class HeadlessToolkitTest {
    private int clicks;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        Button button = new Button("Click", new FontIcon("mdi2c-check"));
        button.setId("button");
        button.setOnAction(event -> clicks++);
        Label label = new Label("ready");
        label.setId("label");
        stage.setScene(new Scene(new VBox(label, button, new ToggleSwitch("switch")), 300, 200));
        stage.show();
    }

    @Test
    void clicksReachTheButton(FxRobot robot) {
        robot.clickOn("#button");

        assertThat(clicks).isEqualTo(1);
        assertThat(robot.lookup("#label").queryAs(Label.class).getText()).isEqualTo("ready");
    }
}

package dev.tentacle.desktop.thumbprint;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The widget headless: both rows, the highlighted runs lined up under each other, the markers and the summary. */
@ExtendWith(ApplicationExtension.class)
class ThumbprintDiffTest {
    ThumbprintDiff diff;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        diff = new ThumbprintDiff();
        diff.compare("You entered", "AAAA1111BBBB", "The Tentacle presented", "AAAA2222BBBB");
        stage.setScene(new Scene(diff, 600, 200));
        stage.show();
    }

    @Test
    void highlightsTheDifferingCharactersOfBothRowsInTheSameColumns(FxRobot robot) {
        HBox expected = robot.lookup("#thumbprint-diff-expected").queryAs(HBox.class);
        HBox actual = robot.lookup("#thumbprint-diff-actual").queryAs(HBox.class);

        assertThat(robot.lookup(".thumbprint-diff-differs").queryAllAs(Label.class)).extracting(Label::getText)
                .containsExactlyInAnyOrder("1111", "2222");
        assertThat(expected.getChildren()).hasSize(3);
        Label typed = (Label) expected.getChildren().get(1);
        Label presented = (Label) actual.getChildren().get(1);
        assertThat(typed.localToScene(0, 0).getX()).isEqualTo(presented.localToScene(0, 0).getX());
        assertThat(typed.getWidth()).isPositive().isEqualTo(presented.getWidth());
        assertThat(robot.lookup(".thumbprint-diff-markers").queryAs(Label.class).getText()).isEqualTo("    ^^^^");
        assertThat(robot.lookup(".thumbprint-diff-summary").queryAs(Label.class).getText())
                .isEqualTo("4 of 12 characters differ (marked), the first at position 5.");
        assertThat(expected.getAccessibleText()).isEqualTo("You entered: AAAA1111BBBB");
    }

    @Test
    void followsNewThumbprints(FxRobot robot) {
        robot.interact(() -> diff.actualProperty().set("aaaa1111bbbb"));

        assertThat(diff.difference().matches()).isTrue();
        assertThat(robot.lookup(".thumbprint-diff-differs").queryAll()).isEmpty();
        assertThat(robot.lookup(".thumbprint-diff-summary").queryAs(Label.class).getText()).startsWith("The thumbprints match");
    }
}

package dev.tentacle.desktop.fx;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class DeleteConfirmationTest {
    Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new VBox(), 200, 100));
        stage.show();
    }

    CompletableFuture<Boolean> ask() {
        CompletableFuture<Boolean> answer = new CompletableFuture<>();
        Platform.runLater(() -> answer.complete(DeleteConfirmation.ask(stage, "Delete instance",
                "Delete the instance 'Web01'?", new VBox(new Label("This removes:")), 40, new Appearance())));
        WaitForAsyncUtils.waitForFxEvents();
        return answer;
    }

    @Test
    void deleteIsADangerButtonThatIsNotTheDefault(FxRobot robot) throws Exception {
        CompletableFuture<Boolean> answer = ask();
        Button delete = robot.lookup("#confirm-delete").queryAs(Button.class);
        assertThat(delete.isDefaultButton()).isFalse();
        assertThat(delete.getStyleClass()).contains("danger");
        assertThat(robot.lookup("Delete the instance 'Web01'?").tryQuery()).isPresent();

        robot.clickOn(delete);

        assertThat(answer.get(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void enterCancels(FxRobot robot) throws Exception {
        CompletableFuture<Boolean> answer = ask();
        Button cancel = robot.lookup(".button").match((Button b) -> b.isDefaultButton()).queryAs(Button.class);
        assertThat(cancel.getText()).isEqualTo("Cancel");

        robot.interact(cancel::fire);

        assertThat(answer.get(5, TimeUnit.SECONDS)).isFalse();
    }

    @Test
    void theTickBoxFollowsTheChoiceOrSaysWhyItCannot(FxRobot robot) {
        CheckBox box = new CheckBox();
        Label whyNot = new Label();
        SimpleBooleanProperty chosen = new SimpleBooleanProperty();
        robot.interact(() -> DeleteConfirmation.tickBox(box, "Also delete my_files", chosen, true, whyNot, ""));
        assertThat(box.getText()).isEqualTo("_Also delete my__files");
        assertThat(box.isDisable()).isFalse();
        assertThat(whyNot.isVisible()).isFalse();
        robot.interact(() -> box.setSelected(true));
        assertThat(chosen.get()).isTrue();

        CheckBox disabled = new CheckBox();
        robot.interact(() -> DeleteConfirmation.tickBox(disabled, "Also delete", new SimpleBooleanProperty(), false,
                whyNot, "They are in use."));
        assertThat(disabled.isDisable()).isTrue();
        assertThat(whyNot.isVisible()).isTrue();
        assertThat(whyNot.getText()).isEqualTo("They are in use.");
    }

    @Test
    void theListsAreBulletsAndTheKeptHeadingOnlyWhenSomethingStays(FxRobot robot) {
        VBox removed = new VBox();
        VBox kept = new VBox();
        Label keptHeading = new Label("This keeps:");
        robot.interact(() -> DeleteConfirmation.showLists(removed, List.of("Its service.", "Its entry."), keptHeading,
                kept, List.of()));
        assertThat(removed.getChildren()).extracting(node -> ((Label) node).getText())
                .containsExactly("• Its service.", "• Its entry.");
        assertThat(keptHeading.isVisible()).isFalse();

        robot.interact(() -> DeleteConfirmation.showLists(removed, List.of(), keptHeading, kept, List.of("Its home.")));
        assertThat(kept.getChildren()).hasSize(1);
        assertThat(keptHeading.isVisible()).isTrue();
        assertThat(keptHeading.isManaged()).isTrue();
    }
}

package dev.tentacle.desktop.fx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.input.Clipboard;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class ViewsTest {
    Stage stage;
    VBox root;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        root = new VBox();
        stage.setScene(new Scene(root, 300, 200));
        stage.show();
    }

    @Test
    void textOfAMissingValueIsEmptyAndALabelWithoutTextTakesNoSpace(FxRobot robot) {
        SimpleObjectProperty<Integer> value = new SimpleObjectProperty<>();
        Label label = new Label();
        robot.interact(() -> {
            label.textProperty().bind(Views.text(value, number -> "Port " + number));
            Views.showWhenNotEmpty(label);
        });
        assertThat(label.getText()).isEmpty();
        assertThat(label.isVisible()).isFalse();
        assertThat(label.isManaged()).isFalse();

        robot.interact(() -> value.set(10933));
        assertThat(label.getText()).isEqualTo("Port 10933");
        assertThat(label.isVisible()).isTrue();
    }

    @Test
    void aStatusHasOneStatusStyleClassAtATime(FxRobot robot) {
        Label label = new Label();
        label.getStyleClass().add("value");
        robot.interact(() -> Views.styleStatus(label, "status-running"));
        robot.interact(() -> Views.styleStatus(label, "status-stopped"));
        assertThat(label.getStyleClass()).contains("value", "status-stopped").doesNotContain("status-running");
        robot.interact(() -> Views.styleStatus(label, null));
        assertThat(label.getStyleClass()).noneMatch(style -> style.startsWith("status-"));
        assertThatThrownBy(() -> Views.styleStatus(label, "running")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theEquivalentCommandIsTheTooltip(FxRobot robot) {
        Button button = new Button("Start");
        robot.interact(() -> Views.equivalentCommand(button, "tentacle service --instance Web01 --start"));
        assertThat(button.getTooltip().getText()).isEqualTo(
                "Equivalent command: tentacle service --instance Web01 --start");
        robot.interact(() -> Views.equivalentCommand(button, ""));
        assertThat(button.getTooltip()).isNull();
    }

    @Test
    void theStatusBarShowsWhatRunsAndTheOutcome(FxRobot robot) {
        ProgressIndicator indicator = new ProgressIndicator();
        Label activity = new Label();
        Label notice = new Label();
        SimpleBooleanProperty busy = new SimpleBooleanProperty(true);
        robot.interact(() -> Views.statusBar(indicator, activity, notice, busy, new SimpleStringProperty("Starting…"),
                new SimpleStringProperty("Started.")));
        assertThat(indicator.isVisible()).isTrue();
        assertThat(activity.getText()).isEqualTo("Starting…");
        assertThat(notice.getText()).isEqualTo("Started.");
        robot.interact(() -> busy.set(false));
        assertThat(indicator.isVisible()).isFalse();
        assertThat(indicator.isManaged()).isFalse();
    }

    @Test
    void aListFollowsItsEndOnlyWhileAskedAndScrollsToTheFirstMatch(FxRobot robot) {
        ObservableList<String> items = FXCollections.observableArrayList();
        List<Integer> scrolledTo = new ArrayList<>();
        ListView<String> list = new ListView<>(items) {
            @Override
            public void scrollTo(int index) {
                scrolledTo.add(index);
                super.scrollTo(index);
            }
        };
        SimpleBooleanProperty following = new SimpleBooleanProperty(true);
        robot.interact(() -> Views.followEnd(list, items, following::get));
        robot.interact(() -> items.addAll("line 0", "line 1", "line 2"));
        robot.interact(() -> items.add("line 3"));
        assertThat(scrolledTo).containsExactly(2, 3);

        robot.interact(() -> following.set(false));
        robot.interact(() -> items.add("line 4"));
        assertThat(scrolledTo).containsExactly(2, 3);

        boolean[] found = new boolean[1];
        robot.interact(() -> found[0] = Views.scrollToFirst(list, line -> line.endsWith("1")));
        assertThat(found[0]).isTrue();
        assertThat(scrolledTo).containsExactly(2, 3, 1);
        robot.interact(() -> found[0] = Views.scrollToFirst(list, String::isEmpty));
        assertThat(found[0]).isFalse();
        assertThat(scrolledTo).hasSize(3);
    }

    @Test
    void windowIsTheNodesWindowAndCopyFillsTheClipboard(FxRobot robot) {
        assertThat(Views.window(root)).isSameAs(stage);
        assertThat(Views.window(new Label())).isNull();
        robot.interact(() -> Views.copyToClipboard("ABC123"));
        assertThat(WaitForAsyncUtils.waitForAsyncFx(5000, () -> Clipboard.getSystemClipboard().getString()))
                .isEqualTo("ABC123");
    }

    @Test
    void anOwnedWindowLooksLikeItsOwnerAndPollsOnlyWhileShown(FxRobot robot) throws Exception {
        root.getStylesheets().add("data:text/css,.owner{}");
        root.setStyle("-fx-font-size: 1.50em;");
        Stage[] owned = new Stage[1];
        VBox copied = new VBox();
        VBox followed = new VBox();
        copied.getStylesheets().add("data:text/css,.own{}");
        robot.interact(() -> {
            owned[0] = Windows.ownedBy(stage, true);
            Windows.copyStyle(stage, copied);
            Windows.styleLike(stage, followed);
        });
        assertThat(owned[0].getOwner()).isSameAs(stage);
        assertThat(owned[0].getModality()).isEqualTo(javafx.stage.Modality.WINDOW_MODAL);
        assertThat(copied.getStylesheets()).containsExactly("data:text/css,.owner{}", "data:text/css,.own{}");
        assertThat(copied.getStyle()).isEqualTo("-fx-font-size: 1.50em;");
        assertThat(followed.getStylesheets()).anyMatch(sheet -> sheet.endsWith("/dev/tentacle/desktop/app.css"));
        robot.interact(() -> root.setStyle("-fx-font-size: 2.00em;"));
        assertThat(followed.getStyle()).isEqualTo("-fx-font-size: 2.00em;");
        assertThat(WaitForAsyncUtils.waitForAsyncFx(5000, () -> Windows.ownedBy(null, true)).getOwner()).isNull();
        VBox toolRoot = new VBox();
        Stage tool = WaitForAsyncUtils.waitForAsyncFx(5000, () -> Windows.toolWindow(stage, false, toolRoot, "Run"));
        assertThat(tool.getOwner()).isSameAs(stage);
        assertThat(tool.getModality()).isEqualTo(javafx.stage.Modality.NONE);
        assertThat(tool.getTitle()).isEqualTo("Run");
        assertThat(tool.getScene().getRoot()).isSameAs(toolRoot);
        assertThat(toolRoot.getStyle()).isEqualTo("-fx-font-size: 2.00em;");

        try (Repeating repeating = new Repeating()) {
            AtomicInteger polls = new AtomicInteger();
            CountDownLatch polled = new CountDownLatch(2);
            robot.interact(() -> {
                owned[0].setScene(new Scene(new VBox(), 100, 100));
                repeating.whileShown(owned[0], Duration.ofMillis(10), () -> {
                    polls.incrementAndGet();
                    polled.countDown();
                });
                owned[0].show();
            });
            assertThat(polled.await(5, TimeUnit.SECONDS)).isTrue();
            robot.interact(owned[0]::hide);
            Thread.sleep(50);
            WaitForAsyncUtils.waitForFxEvents();
            int hiddenAt = polls.get();
            Thread.sleep(50);
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(polls.get()).isEqualTo(hiddenAt);
        }
    }
}

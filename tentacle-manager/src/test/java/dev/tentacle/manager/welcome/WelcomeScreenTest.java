package dev.tentacle.manager.welcome;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tentacle.manager.AppScreens;
import dev.tentacle.manager.testing.AppHarness;
import dev.tentacle.manager.testing.ManagerFixture;
import dev.tentacle.manager.testing.RecordingScreens;
import dev.tentacle.desktop.testing.Screenshots;
import java.nio.file.Path;
import java.util.Optional;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The real app with no instance registered: the welcome screen, and the wizard it starts. */
@ExtendWith(ApplicationExtension.class)
class WelcomeScreenTest {
    @TempDir
    Path temp;

    Stage stage;
    ManagerFixture fixture;
    RecordingScreens screens;
    AppHarness harness;

    @Start
    void start(Stage primary) {
        this.stage = primary;
    }

    @BeforeEach
    void setUp(FxRobot robot) {
        fixture = new ManagerFixture(temp);
        screens = new RecordingScreens();
        harness = new AppHarness(fixture, robot, screens);
    }

    @AfterEach
    void tearDown() {
        harness.stop();
    }

    @Test
    void showsTheWelcomeScreenWhenThereIsNoInstance() {
        harness.start(stage);

        harness.waitUntil(() -> harness.isShowing("#getStartedButton"));
        assertThat(harness.isShowing("#instanceSelector")).isFalse();
        assertThat(harness.<Label>node("#registryLabel").getText())
                .contains(fixture.registryDirectory().toString(), "OCTOPUS_INSTANCES_DIR");
        Screenshots.save(stage.getScene(), "tentacle-manager-welcome.png");
    }

    @Test
    void getStartedRunsTheWizardAndShowsTheInstanceItCreated(FxRobot robot) {
        screens.wizardCreates(() -> {
            fixture.listening("Tentacle", 10933);
            return Optional.of("Tentacle");
        });
        harness.start(stage);
        harness.waitUntil(() -> harness.isShowing("#getStartedButton"));

        robot.clickOn("#getStartedButton");

        harness.waitUntil(() -> harness.isShowing("#instanceSelector"));
        assertThat(screens.calls()).containsExactly("wizard");
        assertThat(harness.<ComboBox<String>>node("#instanceSelector").getValue()).isEqualTo("Tentacle");
        assertThat(harness.isShowing("#getStartedButton")).isFalse();
    }

    @Test
    void enterStartsTheWizardAndACancelledWizardLeavesTheWelcomeScreen(FxRobot robot) {
        harness.start(stage);
        harness.waitUntil(() -> harness.isShowing("#getStartedButton"));

        robot.type(KeyCode.ENTER);
        robot.clickOn("#addButton");

        harness.waitUntil(() -> screens.calls().size() == 2);
        assertThat(harness.isShowing("#getStartedButton")).isTrue();
    }

    @Test
    void getStartedOpensTheRealSetupWizardAndCancellingItReturnsHere(FxRobot robot) {
        harness = new AppHarness(fixture, robot, new AppScreens(fixture.fxContext()));
        harness.start(stage);
        harness.waitUntil(() -> harness.isShowing("#getStartedButton"));

        robot.clickOn("#getStartedButton");

        harness.waitUntil(() -> robot.lookup("#nameField").tryQuery().isPresent());
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        harness.waitUntil(() -> robot.lookup("#nameField").tryQuery().isEmpty());
        assertThat(harness.isShowing("#getStartedButton")).isTrue();
    }
}

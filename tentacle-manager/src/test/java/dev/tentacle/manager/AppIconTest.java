package dev.tentacle.manager;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tentacle.icons.ProductIcon;
import dev.tentacle.manager.testing.AppHarness;
import dev.tentacle.manager.testing.ManagerFixture;
import dev.tentacle.manager.testing.RecordingScreens;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The Tentacle Manager's icon on its main window and on the windows it opens from there. */
@ExtendWith(ApplicationExtension.class)
class AppIconTest {
    @TempDir
    Path temp;

    Stage stage;
    AppHarness harness;

    @Start
    void start(Stage primary) {
        this.stage = primary;
    }

    @BeforeEach
    void setUp(FxRobot robot) {
        harness = new AppHarness(new ManagerFixture(temp), robot, new RecordingScreens());
    }

    @AfterEach
    void tearDown() {
        harness.stop();
    }

    @Test
    void theMainWindowCarriesTheTentacleManagerIconInEverySize() {
        harness.start(stage);

        List<Image> icons = stage.getIcons();
        assertThat(icons).hasSameSizeAs(ProductIcon.PNG_SIZES);
        assertThat(icons).allSatisfy(icon -> assertThat(icon.isError()).as("loaded").isFalse());
        assertThat(icons).extracting(icon -> (int) icon.getWidth()).containsExactlyElementsOf(ProductIcon.PNG_SIZES);
        assertThat(icons).extracting(Image::getUrl)
                .allSatisfy(url -> assertThat(url).contains("/dev/tentacle/icons/tentacle-manager-"));
    }

    @Test
    void windowsOpenedLaterGetTheIconToo(FxRobot robot) {
        harness.start(stage);
        AtomicReference<Stage> secondary = new AtomicReference<>();
        AtomicReference<Stage> dialog = new AtomicReference<>();

        robot.interact(() -> {
            Stage window = new Stage();
            window.initOwner(stage);
            window.setScene(new Scene(new Label("log")));
            window.show();
            secondary.set(window);
            Alert alert = new Alert(Alert.AlertType.INFORMATION, "done");
            alert.initOwner(stage);
            alert.show();
            dialog.set((Stage) alert.getDialogPane().getScene().getWindow());
        });

        assertThat(secondary.get().getIcons()).containsExactlyElementsOf(stage.getIcons());
        assertThat(dialog.get().getIcons()).containsExactlyElementsOf(stage.getIcons());
    }

    @Test
    void aWindowWithAnIconOfItsOwnKeepsIt(FxRobot robot) {
        harness.start(stage);
        Image own = new Image(ProductIcon.TENTACLE.png(32).toExternalForm());
        AtomicReference<Stage> window = new AtomicReference<>();

        robot.interact(() -> {
            Stage other = new Stage();
            other.getIcons().add(own);
            other.setScene(new Scene(new Label("other")));
            other.show();
            window.set(other);
        });

        assertThat(window.get().getIcons()).containsExactly(own);
    }

    @Test
    void stoppingTheAppStopsHandingOutTheIcon(FxRobot robot) {
        harness.start(stage);
        harness.stop();
        AtomicReference<Stage> later = new AtomicReference<>();

        robot.interact(() -> {
            Stage window = new Stage();
            window.setScene(new Scene(new Label("after")));
            window.show();
            later.set(window);
            window.hide();
        });

        assertThat(later.get().getIcons()).isEmpty();
    }
}

package dev.tentacle.desktop.fx;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class AppWindowTest {
    @TempDir
    static Path temp;

    Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @Test
    void showsTheMainWindowSizedInEmWithTheThemeAndTheIcon(FxRobot robot) throws Exception {
        Path png = temp.resolve("icon-16.png");
        ImageIO.write(new BufferedImage(16, 16, BufferedImage.TYPE_INT_ARGB), "png", png.toFile());
        java.net.URL icon = png.toUri().toURL();
        AppWindow[] app = new AppWindow[1];
        Scene[] shown = new Scene[1];
        robot.interact(() -> {
            app[0] = AppWindow.start(stage, List.of(icon));
            shown[0] = app[0].show(new VBox(), "Manager", 20, 10, scene -> scene.getProperties().put("keys", true));
        });
        try {
            double em = Font.getDefault().getSize();
            assertThat(stage.getTitle()).isEqualTo("Manager");
            assertThat(stage.getScene()).isSameAs(shown[0]);
            assertThat(shown[0].getProperties()).containsEntry("keys", true);
            assertThat(shown[0].getWidth()).isEqualTo(20 * em);
            assertThat(stage.getIcons()).hasSize(1);
            assertThat(Application.getUserAgentStylesheet()).isEqualTo(app[0].appearance().themeStylesheet());

            robot.interact(() -> app[0].appearance().darkProperty().set(true));
            assertThat(Application.getUserAgentStylesheet()).isEqualTo(app[0].appearance().themeStylesheet())
                    .containsIgnoringCase("dark");
        } finally {
            robot.interact(() -> {
                app[0].appearance().darkProperty().set(false);
                app[0].stop();
            });
        }
    }

    @Test
    void aSceneIsNeverLargerThanTheScreen() {
        Scene scene = WaitForAsyncUtils.waitForAsyncFx(5000, () -> AppWindow.scene(new VBox(), 10_000, 10_000));
        double screenWidth = WaitForAsyncUtils.waitForAsyncFx(5000, () -> Screen.getPrimary().getVisualBounds()
                .getWidth());
        assertThat(scene.getWidth()).isEqualTo(screenWidth);
    }
}

package dev.tentacle.servermanager.setup;

import atlantafx.base.theme.PrimerLight;
import dev.tentacle.servermanager.AppScreens;
import dev.tentacle.servermanager.testing.ServerManagerFixture;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * What every TestFX test of the setup wizard shares: a themed owner window, a fixture (temporary registry, fake
 * systemctl), and the wizard opened on it as the main window opens it, through {@link AppScreens#setupWizard}.
 */
@ExtendWith(ApplicationExtension.class)
abstract class SetupWizardUiTest {
    @TempDir
    Path temp;

    ServerManagerFixture fixture;
    Stage owner;
    /** The name the wizard reported as created; null until it closes after an install. */
    final AtomicReference<String> created = new AtomicReference<>();

    /** The main window the wizard is opened from, with the app's theme. (TestFX finds no @Start in a superclass.) */
    @BeforeEach
    void openOwner(FxRobot robot) {
        fixture = new ServerManagerFixture(temp.resolve("fixture"));
        robot.interact(() -> {
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            Stage stage = new Stage();
            stage.setScene(new Scene(new StackPane(new Label("Octopus Server Manager")), 900, 700));
            stage.setTitle("Octopus Server Manager");
            stage.show();
            owner = stage;
        });
    }

    @AfterEach
    void closeWindows(FxRobot robot) {
        robot.interact(() -> Window.getWindows().stream().toList().forEach(Window::hide));
        fixture.close();
    }

    /** Opens the real wizard as the main window does, with the app's threads: engine work in the background. */
    SetupRobot open(FxRobot fx) {
        AppScreens screens = new AppScreens(fixture.fxContext(), fixture.storages());
        Platform.runLater(() -> screens.setupWizard(owner, created::set));
        SetupRobot robot = new SetupRobot(fx);
        robot.waitForPage("instance-page");
        return robot;
    }

    /** Fills the ports page with free ports, so that whatever holds 8443 or 10943 on the machine does not matter. */
    static void freePorts(SetupRobot robot) {
        robot.waitForPage("ports-page");
        robot.type("webPortField", Integer.toString(ServerManagerFixture.freePort()));
        robot.type("commsPortField", Integer.toString(ServerManagerFixture.freePort()));
    }
}

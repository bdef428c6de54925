package dev.tentacle.manager.wizard;

import atlantafx.base.theme.PrimerLight;
import dev.tentacle.manager.ManagerContext;
import dev.tentacle.desktop.fx.UiThread;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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

/** What every TestFX test of the wizard shares: a themed owner window, a fixture, and the wizard opened on it. */
@ExtendWith(ApplicationExtension.class)
abstract class WizardUiTest {
    @TempDir
    Path temp;

    Stage owner;
    final ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();
    final AtomicReference<Optional<String>> result = new AtomicReference<>();

    /** The main window the wizard is opened from, with the app's theme. (TestFX finds no @Start in a superclass.) */
    @BeforeEach
    void openOwner(FxRobot robot) {
        robot.interact(() -> {
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            Stage stage = new Stage();
            stage.setScene(new Scene(new StackPane(new Label("Tentacle Manager")), 900, 700));
            stage.setTitle("Tentacle Manager");
            stage.show();
            owner = stage;
        });
    }

    @AfterEach
    void closeWindows(FxRobot robot) {
        robot.interact(() -> Window.getWindows().stream().toList().forEach(Window::hide));
        background.shutdownNow();
    }

    /** Opens the real wizard, as the main window does, with the app's threads: work in the background. */
    WizardRobot open(FxRobot fx, WizardFixture fixture) {
        ManagerContext context = fixture.context(background, UiThread.fx());
        Platform.runLater(() -> result.set(SetupWizard.show(owner, context, fixture.services())));
        WizardRobot robot = new WizardRobot(fx);
        robot.waitForPage("name-page");
        return robot;
    }

    /** From the first page to the one after the proxy page, with the defaults and this style. */
    static void throughProxy(WizardRobot robot, String name, boolean polling) {
        robot.type("nameField", name);
        robot.next();
        robot.waitForPage("style-page");
        if (polling) {
            robot.clickOn("pollingChoice");
        }
        robot.next();
        robot.waitForPage("storage-page");
        robot.next();
        robot.waitForPage("proxy-page");
        robot.next();
        robot.waitForPage(polling ? "polling-server-page" : "listening-page");
    }
}

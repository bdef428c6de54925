package dev.tentacle.manager.testing;

import static org.awaitility.Awaitility.await;

import dev.tentacle.manager.Screens;
import dev.tentacle.manager.TentacleManagerApp;
import dev.tentacle.desktop.fx.FileManager;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.Node;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Starts the real app on a TestFX stage against a {@link ManagerFixture}, and stops it and its windows afterwards. */
public final class AppHarness {
    public static final Duration PATIENCE = Duration.ofSeconds(15);

    private final ManagerFixture fixture;
    private final FxRobot robot;
    private final List<Path> opened = new CopyOnWriteArrayList<>();
    private Screens screens;
    private TentacleManagerApp app;
    private Stage stage;

    public AppHarness(ManagerFixture fixture, FxRobot robot, Screens screens) {
        this.fixture = fixture;
        this.robot = robot;
        this.screens = screens;
    }

    public void start(Stage primary) {
        this.stage = primary;
        FileManager files = opened::add;
        app = new TentacleManagerApp(fixture.fxContext(), screens, files);
        robot.interact(() -> app.start(primary));
        WaitForAsyncUtils.waitForFxEvents();
    }

    public TentacleManagerApp app() {
        return app;
    }

    public Stage stage() {
        return stage;
    }

    public List<Path> opened() {
        return List.copyOf(opened);
    }

    /** Stops the app's polling and closes every window but the primary stage, which TestFX reuses. */
    public void stop() {
        if (app != null) {
            robot.interact(() -> {
                app.stop();
                for (Window window : List.copyOf(Window.getWindows())) {
                    if (window != stage) {
                        window.hide();
                    }
                }
            });
        }
    }

    /** Waits until the condition, read on the JavaFX thread, holds. */
    public void waitUntil(Callable<Boolean> condition) {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(50)).until(() ->
                WaitForAsyncUtils.asyncFx(condition).get());
    }

    public <T extends Node> T node(String query) {
        return robot.lookup(query).query();
    }

    public boolean isShowing(String query) {
        return robot.lookup(query).tryQuery().map(node -> node.isVisible() && node.getScene() != null
                && node.getScene().getWindow() != null && node.getScene().getWindow().isShowing()
                && treeVisible(node)).orElse(false);
    }

    private static boolean treeVisible(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }
}

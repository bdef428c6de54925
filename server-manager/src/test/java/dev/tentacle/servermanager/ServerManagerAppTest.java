package dev.tentacle.servermanager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tentacle.comms.CertificateThumbprints;
import dev.tentacle.desktop.testing.Screenshots;
import dev.tentacle.icons.ProductIcon;
import dev.tentacle.server.admin.ServerInstance;
import dev.tentacle.server.admin.ServerInstanceSetup;
import dev.tentacle.server.node.ServerNode;
import dev.tentacle.servermanager.testing.ServerManagerFixture;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.image.Image;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real app against a temporary registry, real server instances with H2 storage, real server nodes and a fake
 * {@code systemctl}: the welcome screen, the instance selector, the server window and what its buttons do.
 */
@ExtendWith(ApplicationExtension.class)
class ServerManagerAppTest {
    static final Duration PATIENCE = Duration.ofSeconds(15);

    @TempDir
    Path temp;

    Stage stage;
    ServerManagerFixture fixture;
    RecordingScreens screens;
    final List<Path> opened = new CopyOnWriteArrayList<>();
    ServerManagerApp app;
    FxRobot robot;

    @Start
    void start(Stage primary) {
        this.stage = primary;
    }

    @BeforeEach
    void setUp(FxRobot robot) {
        this.robot = robot;
        fixture = new ServerManagerFixture(temp);
        screens = new RecordingScreens();
    }

    @AfterEach
    void tearDown() {
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
        fixture.close();
    }

    void startApp() {
        app = new ServerManagerApp(fixture.fxContext(), fixture.storages(), screens, opened::add);
        robot.interact(() -> app.start(stage));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Starts the app and waits until it shows the instance with its thumbprints. */
    void startWith(ServerInstance instance) {
        startApp();
        waitUntil(() -> instance.equals(selector().getValue())
                && !this.<TextField>node("#sha1Field").getText().isEmpty());
    }

    void waitUntil(Callable<Boolean> condition) {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(50)).until(() ->
                WaitForAsyncUtils.asyncFx(condition).get());
    }

    <T extends Node> T node(String query) {
        return robot.lookup(query).query();
    }

    String text(String query) {
        return WaitForAsyncUtils.waitForAsyncFx(5000, () -> {
            Node node = node(query);
            return node instanceof Label label ? label.getText() : ((TextField) node).getText();
        });
    }

    ComboBox<ServerInstance> selector() {
        return node("#instanceSelector");
    }

    boolean showing(String query) {
        return robot.lookup(query).tryQuery().map(node -> {
            for (Node n = node; n != null; n = n.getParent()) {
                if (!n.isVisible()) {
                    return false;
                }
            }
            return node.getScene() != null && node.getScene().getWindow() != null
                    && node.getScene().getWindow().isShowing();
        }).orElse(false);
    }

    @Test
    void withNoInstanceTheWelcomeScreenSetsOneUpAndTheAppShowsIt() {
        screens.wizard(() -> fixture.createServer("Main").name());
        startApp();
        waitUntil(() -> showing("#setUpButton"));
        assertThat(showing("#tabs")).isFalse();
        Screenshots.save(stage.getScene(), "server-manager-welcome.png");

        robot.type(KeyCode.ENTER); // Set up a server is the default button.

        waitUntil(() -> selector().getValue() != null && "Main".equals(selector().getValue().name()));
        waitUntil(() -> showing("#tabs") && !showing("#setUpButton"));
        assertThat(screens.calls()).containsExactly("setupWizard");
    }

    @Test
    void showsTheSelectedServerWithItsThumbprintsServiceAndCommsPort() {
        ServerInstance alpha = fixture.createServer("Alpha");
        ServerInstance main = fixture.createServer("Main");
        fixture.installService(main);
        ServerNode node = fixture.startNode(main);
        CertificateThumbprints expected = main.certificates().load(main.configuration()).thumbprints();
        int port = main.configuration().commsListenPort();
        startWith(alpha);

        assertThat(selector().getItems()).containsExactly(alpha, main);
        robot.interact(() -> selector().setValue(main));
        waitUntil(() -> text("#sha256Field").equals(expected.sha256().hex()));
        waitUntil(() -> "Running".equals(text("#serviceStatusLabel")));
        waitUntil(() -> text("#commsLabel").equals("Listening on port " + port + ", by this server"));

        assertThat(text("#sha1Field")).isEqualTo(expected.sha1().hex());
        assertThat(text("#webLabel")).isEqualTo(main.configuration().webListen().prefix());
        assertThat(text("#databaseLabel")).isEqualTo("Embedded H2 database "
                + temp.resolve("homes/Main/Database/octopus.mv.db"));
        assertThat(text("#homeLabel")).isEqualTo(temp.resolve("homes/Main").toString());
        assertThat(text("#configLabel")).isEqualTo(main.configFile().toString());
        assertThat(text("#machinesPlaceholder")).isEqualTo("Machines of Main");
        assertThat(this.<Button>node("#startButton").isDisabled()).isTrue();
        Screenshots.save(stage.getScene(), "server-manager-main.png");

        node.close();
        robot.type(KeyCode.F5);

        waitUntil(() -> text("#commsLabel").equals("Not listening on port " + port));
        robot.clickOn("#openHomeButton");
        await().atMost(PATIENCE).until(() -> opened.contains(temp.resolve("homes/Main")));
    }

    @Test
    void restartFromTheKeyboardRestartsTheServiceThroughSystemctl() {
        ServerInstance main = fixture.createServer("Main");
        fixture.installService(main);
        startWith(main);
        waitUntil(() -> !this.<Button>node("#restartButton").isDisabled());
        int before = fixture.systemctl().changes().size();

        robot.press(KeyCode.ALT).type(KeyCode.R).release(KeyCode.ALT); // Restart's mnemonic

        waitUntil(() -> fixture.systemctl().changes().size() == before + 1);
        assertThat(fixture.systemctl().changes().getLast()).isEqualTo("restart " + fixture.unitName("Main"));
        waitUntil(() -> text("#noticeLabel").equals("Restarted the service 'OctopusDeploy: Main'."));
    }

    @Test
    void withoutSystemdTheServiceSaysWhyAndCannotBeControlled() {
        ServerInstance main = fixture.createServer("Main");
        fixture.installService(main);
        fixture.stopSystemd();

        startWith(main);

        waitUntil(() -> "Service manager unavailable".equals(text("#serviceStatusLabel")));
        assertThat(text("#serviceDetailLabel")).contains("systemd is not running", "run them in the foreground");
        assertThat(this.<Button>node("#startButton").isDisabled()).isTrue();
        assertThat(this.<Button>node("#restartButton").isDisabled()).isTrue();
        assertThat(this.<Button>node("#deleteButton").isDisabled()).isFalse();
    }

    @Test
    void deleteRemovesTheInstanceAndItsServiceAndKeepsTheDatabase() {
        ServerInstance main = fixture.createServer("Main");
        fixture.installService(main);
        fixture.storage(main).checkAvailable();
        startWith(main);

        robot.clickOn("#deleteButton");
        waitUntil(() -> robot.lookup("#confirm-delete").tryQuery().isPresent());
        assertThat(robot.lookup("#removedList .label").queryAllAs(Label.class)).extracting(Label::getText)
                .anySatisfy(line -> assertThat(line).contains("OS service 'OctopusDeploy: Main'"))
                .anySatisfy(line -> assertThat(line).contains("configuration file " + main.configFile()));
        assertThat(text("#databaseVerdictLabel")).isEqualTo("The database is kept.");
        robot.clickOn("#confirm-delete");

        waitUntil(() -> showing("#setUpButton"));
        assertThat(fixture.registry().list()).isEmpty();
        assertThat(main.configFile()).doesNotExist();
        assertThat(temp.resolve("homes/Main/Database/octopus.mv.db")).exists();
        assertThat(temp.resolve("units").resolve(fixture.unitName("Main"))).doesNotExist();
    }

    @Test
    void deleteWithTheBoxTickedDeletesTheEmbeddedDatabase() {
        ServerInstance main = fixture.createServer("Main");
        ServerInstance other = fixture.createServer("Other");
        fixture.storage(main).checkAvailable();
        startWith(main);

        robot.clickOn("#deleteButton");
        waitUntil(() -> robot.lookup("#deleteDatabaseBox").tryQuery().isPresent());
        robot.clickOn("#deleteDatabaseBox");
        waitUntil(() -> text("#databaseVerdictLabel").equals("The database is deleted with the instance."));
        robot.clickOn("#confirm-delete");

        waitUntil(() -> other.equals(selector().getValue()));
        assertThat(fixture.registry().list()).extracting(r -> r.name()).containsExactly("Other");
        assertThat(temp.resolve("homes/Main/Database")).doesNotExist();
        assertThat(temp.resolve("homes/Main/Certificates/server.pfx")).exists();
        assertThat(other.configFile()).exists();
    }

    @Test
    void cancellingTheDeletionKeepsEverything() {
        ServerInstance main = fixture.createServer("Main");
        startWith(main);

        robot.clickOn("#deleteButton");
        waitUntil(() -> robot.lookup("#confirm-delete").tryQuery().isPresent());
        robot.type(KeyCode.ENTER); // Cancel is the default button.

        waitUntil(() -> robot.lookup("#confirm-delete").tryQuery().isEmpty());
        assertThat(fixture.registry().list()).hasSize(1);
        assertThat(main.configFile()).exists();
    }

    @Test
    void theToolbarAndKeysOpenTheMachineScreensForTheSelectedInstance() {
        ServerInstance main = fixture.createServer("Main");
        startWith(main);

        robot.clickOn("#addTentacleButton");
        waitUntil(() -> this.<TabPane>node("#tabs").getSelectionModel().getSelectedIndex() == 1);
        robot.press(KeyCode.ALT).type(KeyCode.K).release(KeyCode.ALT); // Check health's mnemonic
        waitUntil(() -> screens.calls().size() == 2);
        robot.press(KeyCode.CONTROL).type(KeyCode.R).release(KeyCode.CONTROL); // Machines, Run script

        waitUntil(() -> screens.calls().size() == 3);
        assertThat(screens.calls()).containsExactly("addListeningTentacle Main", "healthCheck Main []",
                "runScript Main []");
    }

    @Test
    void instancesTheCommandLineAddsAppearWithoutARestart() {
        ServerInstance alpha = fixture.createServer("Alpha");
        startWith(alpha);

        ServerInstance beta = new ServerInstanceSetup(fixture.registry())
                .create("Beta", temp.resolve("homes/Beta"), null).instance();

        waitUntil(() -> selector().getItems().contains(beta));
        assertThat(selector().getValue()).isEqualTo(alpha);
    }

    @Test
    void aScreenThatCannotOpenIsReportedInADialog() {
        ServerInstance main = fixture.createServer("Main");
        screens.wizard(() -> {
            throw new IllegalStateException("The wizard needs a display of at least 40 em.");
        });
        startWith(main);

        robot.press(KeyCode.CONTROL).type(KeyCode.N).release(KeyCode.CONTROL);

        waitUntil(() -> robot.lookup("#failure-message").tryQuery().isPresent());
        DialogPane dialog = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        assertThat(dialog.getHeaderText()).isEqualTo("Could not open the setup wizard");
        assertThat(text("#failure-message")).isEqualTo("The wizard needs a display of at least 40 em.");
        robot.type(KeyCode.ENTER);
    }

    @Test
    void theViewMenuSwitchesTheThemeAndTheKeysChangeTheTextSize() {
        ServerInstance main = fixture.createServer("Main");
        startWith(main);

        robot.clickOn("View").clickOn("#darkItem");
        robot.press(KeyCode.CONTROL).type(KeyCode.EQUALS).release(KeyCode.CONTROL);

        waitUntil(() -> app.appearance().darkProperty().get());
        waitUntil(() -> app.appearance().textScaleProperty().get() > 1.0);
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT0).release(KeyCode.CONTROL);
        waitUntil(() -> app.appearance().textScaleProperty().get() == 1.0);
    }

    @Test
    void everyWindowCarriesTheServerManagerIcon() {
        startApp();
        waitUntil(() -> showing("#setUpButton"));

        assertThat(stage.getIcons()).hasSameSizeAs(ProductIcon.PNG_SIZES);
        assertThat(stage.getIcons()).extracting(Image::getUrl)
                .allSatisfy(url -> assertThat(url).contains("/dev/tentacle/icons/octopus-server-manager-"));
        robot.clickOn("Help").clickOn("#aboutItem");
        waitUntil(() -> robot.lookup("#about-text").tryQuery().isPresent());
        Stage about = (Stage) robot.lookup("#about-text").query().getScene().getWindow();
        assertThat(about.getIcons()).containsExactlyElementsOf(stage.getIcons());
        assertThat(text("#about-text")).contains(fixture.registryDirectory().toString());
        robot.type(KeyCode.ENTER);
    }
}

package dev.tentacle.manager.instances;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tentacle.comms.CertificateThumbprints;
import dev.tentacle.instances.config.ProxyConfiguration;
import dev.tentacle.manager.testing.AppHarness;
import dev.tentacle.manager.testing.ManagerFixture;
import dev.tentacle.manager.testing.RecordingScreens;
import dev.tentacle.desktop.testing.Screenshots;
import dev.tentacle.tentacle.instance.AgentLogs;
import dev.tentacle.tentacle.instance.TentacleInstance;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import javafx.application.Application;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
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
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real app against real instances in a temporary registry, with systemd units in a temporary directory and a
 * fake {@code systemctl}: what the main window shows, and what its buttons do.
 */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {
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

    String text(String query) {
        return WaitForAsyncUtils.waitForAsyncFx(5000, () -> {
            Object node = harness.node(query);
            return node instanceof Label label ? label.getText() : ((TextField) node).getText();
        });
    }

    void startWith(TentacleInstance instance) {
        harness.start(stage);
        harness.waitUntil(() -> instance.name().equals(harness.<ComboBox<String>>node("#instanceSelector").getValue())
                && !harness.<TextField>node("#sha1Field").getText().isEmpty());
    }

    @Test
    void showsTheThumbprintTheEngineComputesAndWhomItTrusts(FxRobot robot) {
        TentacleInstance web = fixture.listening("Web01", 10933);
        fixture.installService(web);
        CertificateThumbprints expected = web.identity(web.configuration()).thumbprints();

        startWith(web);
        harness.waitUntil(() -> "Running".equals(harness.<Label>node("#serviceStatusLabel").getText()));

        assertThat(text("#sha1Field")).isEqualTo(expected.sha1().hex());
        assertThat(text("#sha256Field")).isEqualTo(expected.sha256().hex());
        assertThat(text("#trustLabel")).isEqualTo("Listens on port 10933 and accepts the server with thumbprint "
                + ManagerFixture.SERVER.hex() + ".");
        assertThat(text("#modeLabel")).isEqualTo("Listening");
        assertThat(text("#endpointsLabel")).isEqualTo("Listen port 10933 (all addresses)");
        assertThat(text("#proxyLabel")).isEqualTo("No proxy");
        assertThat(text("#homeLabel")).isEqualTo(temp.resolve("homes/Web01").toString());
        assertThat(text("#logsLabel")).isEqualTo(temp.resolve("homes/Web01/Logs").toString());
        assertThat(harness.<Button>node("#startButton").isDisabled()).isTrue();
        assertThat(harness.<Button>node("#stopButton").isDisabled()).isFalse();
        Screenshots.save(stage.getScene(), "tentacle-manager-main.png");

        robot.clickOn("#copySha256Button");
        assertThat(WaitForAsyncUtils.waitForAsyncFx(5000, () -> Clipboard.getSystemClipboard().getString()))
                .isEqualTo(expected.sha256().hex());
    }

    @Test
    void startStopAndRestartMakeTheSystemctlCalls(FxRobot robot) {
        TentacleInstance web = fixture.listening("Web01", 10933);
        fixture.installService(web);
        String unit = fixture.unitName("Web01");
        startWith(web);
        harness.waitUntil(() -> !harness.<Button>node("#stopButton").isDisabled());
        int before = fixture.systemctl().changes().size();

        robot.clickOn("#stopButton");
        harness.waitUntil(() -> fixture.systemctl().changes().size() == before + 1);
        fixture.systemctl().respond("is-active", 3, "inactive\n", "");
        robot.clickOn("#refreshButton");
        harness.waitUntil(() -> "Stopped".equals(harness.<Label>node("#serviceStatusLabel").getText())
                && !harness.<Button>node("#startButton").isDisabled());

        robot.clickOn("#startButton");
        harness.waitUntil(() -> fixture.systemctl().changes().size() == before + 2);
        fixture.systemctl().respond("is-active", 0, "active\n", "");
        harness.waitUntil(() -> !harness.<Button>node("#restartButton").isDisabled());
        robot.clickOn("#restartButton");
        harness.waitUntil(() -> fixture.systemctl().changes().size() == before + 3);

        assertThat(fixture.systemctl().changes().subList(before, before + 3))
                .containsExactly("stop " + unit, "start " + unit, "restart " + unit);
        harness.waitUntil(() -> harness.<Label>node("#noticeLabel").getText().startsWith("Restarted the service"));
    }

    @Test
    void keyboardMnemonicsReachTheActions(FxRobot robot) {
        TentacleInstance web = fixture.listening("Web01", 10933);
        fixture.installService(web);
        startWith(web);
        harness.waitUntil(() -> !harness.<Button>node("#restartButton").isDisabled());
        int before = fixture.systemctl().changes().size();

        robot.press(KeyCode.ALT).type(KeyCode.R).release(KeyCode.ALT);

        harness.waitUntil(() -> fixture.systemctl().changes().size() == before + 1);
        assertThat(fixture.systemctl().changes().getLast()).isEqualTo("restart " + fixture.unitName("Web01"));
    }

    @Test
    void aFailedActionIsShownInADialogThatSaysWhatToDo(FxRobot robot) {
        TentacleInstance web = fixture.listening("Web01", 10933);
        fixture.installService(web);
        fixture.systemctl().respond("restart", 1, "", "Failed to restart: Access denied\n");
        startWith(web);
        harness.waitUntil(() -> !harness.<Button>node("#restartButton").isDisabled());

        robot.clickOn("#restartButton");

        harness.waitUntil(() -> robot.lookup("#failure-message").tryQuery().isPresent());
        DialogPane dialog = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        assertThat(dialog.getHeaderText()).isEqualTo("Could not restart the service");
        assertThat(robot.lookup("#failure-message").queryAs(Label.class).getText()).contains("Access denied", "sudo");
        robot.type(KeyCode.ENTER);
        harness.waitUntil(() -> robot.lookup("#failure-message").tryQuery().isEmpty());
    }

    @Test
    void anUnavailableServiceManagerIsShownNotThrown() {
        TentacleInstance web = fixture.listening("Web01", 10933);
        fixture.stopSystemd();

        startWith(web);

        harness.waitUntil(() -> "Service manager unavailable".equals(
                harness.<Label>node("#serviceStatusLabel").getText()));
        assertThat(text("#serviceDetailLabel")).contains("systemd is not running");
        assertThat(harness.<Button>node("#startButton").isDisabled()).isTrue();
        assertThat(harness.<Button>node("#installButton").isDisabled()).isTrue();
        assertThat(harness.<Button>node("#deleteButton").isDisabled()).isFalse();
    }

    @Test
    void deleteRemovesTheInstanceAndItsServiceButKeepsTheFiles(FxRobot robot) {
        TentacleInstance web = fixture.listening("Web01", 10933);
        fixture.installService(web);
        startWith(web);

        robot.clickOn("#deleteButton");
        harness.waitUntil(() -> robot.lookup("#confirm-delete").tryQuery().isPresent());
        assertThat(robot.lookup("#removedList .label").queryAllAs(Label.class)).extracting(Label::getText)
                .anySatisfy(line -> assertThat(line).contains("instance registry"))
                .anySatisfy(line -> assertThat(line).contains("OS service 'OctopusDeploy Tentacle: Web01'"));
        assertThat(robot.lookup("#deleteFilesBox").queryAs(CheckBox.class).isSelected()).isFalse();
        robot.clickOn("#confirm-delete");

        harness.waitUntil(() -> harness.isShowing("#getStartedButton"));
        assertThat(fixture.registry().list()).isEmpty();
        assertThat(web.configFile()).exists();
        assertThat(temp.resolve("units").resolve(fixture.unitName("Web01"))).doesNotExist();
    }

    @Test
    void deleteWithTheBoxTickedDeletesTheFilesToo(FxRobot robot) {
        TentacleInstance web = fixture.listening("Web01", 10933);
        TentacleInstance other = fixture.listening("Web02", 10934);
        startWith(web);

        robot.clickOn("#deleteButton");
        harness.waitUntil(() -> robot.lookup("#deleteFilesBox").tryQuery().isPresent());
        robot.clickOn("#deleteFilesBox");
        harness.waitUntil(() -> robot.lookup("#removedList .label").queryAllAs(Label.class).stream()
                .anyMatch(label -> label.getText().contains("The files in " + temp.resolve("homes/Web01"))));
        robot.clickOn("#confirm-delete");

        harness.waitUntil(() -> "Web02".equals(harness.<ComboBox<String>>node("#instanceSelector").getValue()));
        assertThat(fixture.registry().list()).extracting(r -> r.name()).containsExactly("Web02");
        assertThat(temp.resolve("homes/Web01")).doesNotExist();
        assertThat(other.configFile()).exists();
    }

    @Test
    void cancellingTheDeletionKeepsEverything(FxRobot robot) {
        TentacleInstance web = fixture.listening("Web01", 10933);
        startWith(web);

        robot.clickOn("#deleteButton");
        harness.waitUntil(() -> robot.lookup("#confirm-delete").tryQuery().isPresent());
        robot.type(KeyCode.ENTER); // Cancel is the default button.

        harness.waitUntil(() -> robot.lookup("#confirm-delete").tryQuery().isEmpty());
        assertThat(fixture.registry().list()).hasSize(1);
    }

    @Test
    void theProxyChosenIsWrittenToTheConfiguration(FxRobot robot) {
        TentacleInstance web = fixture.listening("Web01", 10933);
        startWith(web);

        robot.clickOn("#proxyButton");
        harness.waitUntil(() -> robot.lookup("#customRadio").tryQuery().isPresent());
        robot.clickOn("#customRadio");
        robot.clickOn("#hostField").write("proxy.example");
        robot.clickOn("#portField").write("3128");
        robot.clickOn("#save-proxy");

        harness.waitUntil(() -> text("#proxyLabel").startsWith("Through http://proxy.example:3128"));
        assertThat(web.configuration().proxy()).isEqualTo(ProxyConfiguration.of("proxy.example", 3128));
        assertThat(web.configuration().pollingProxy()).isEqualTo(ProxyConfiguration.of("proxy.example", 3128));
    }

    @Test
    void theLogViewFollowsTheFileAndSearches(FxRobot robot) throws IOException {
        TentacleInstance web = fixture.listening("Web01", 10933);
        Path log = AgentLogs.file(web.configuration());
        Files.createDirectories(log.getParent());
        Files.writeString(log, "Tentacle Web01 listening on port 10933\n");
        startWith(web);

        robot.clickOn("#logButton");
        harness.waitUntil(() -> robot.lookup("#linesList").tryQuery().isPresent()
                && lines(robot).contains("Tentacle Web01 listening on port 10933"));
        Files.writeString(log, "ERROR port in use\nretrying\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        harness.waitUntil(() -> lines(robot).size() == 3);

        robot.clickOn("#searchField").write("error");
        robot.clickOn("#onlyMatchingBox");

        harness.waitUntil(() -> lines(robot).equals(List.of("ERROR port in use")));
        assertThat(robot.lookup("#matchCountLabel").queryAs(Label.class).getText()).isEqualTo("1 matching");
        assertThat(robot.lookup(".log-match").tryQuery()).isPresent();
        Screenshots.save(robot.lookup("#linesList").query().getScene(), "tentacle-manager-log.png");
    }

    private static List<String> lines(FxRobot robot) {
        return List.copyOf(robot.lookup("#linesList").<ListView<String>>query().getItems());
    }

    @Test
    void verifyAndHealthOpenTheirScreensForTheSelectedInstance(FxRobot robot) {
        TentacleInstance web = fixture.listening("Web01", 10933);
        fixture.listening("Web02", 10934);
        startWith(web);
        robot.interact(() -> harness.<ComboBox<String>>node("#instanceSelector").setValue("Web02"));

        robot.clickOn("#verifyButton");
        robot.clickOn("#healthButton");

        harness.waitUntil(() -> screens.calls().size() == 2);
        assertThat(screens.calls()).containsExactly("verify Web02", "health Web02");
    }

    @Test
    void openButtonsOpenTheDirectories(FxRobot robot) {
        TentacleInstance web = fixture.listening("Web01", 10933);
        startWith(web);

        robot.clickOn("#openHomeButton");
        robot.clickOn("#openLogsButton");

        harness.waitUntil(() -> harness.opened().size() == 2);
        assertThat(harness.opened()).containsExactly(temp.resolve("homes/Web01"), temp.resolve("homes/Web01/Logs"));
    }

    @Test
    void theDarkThemeCanBeSwitchedOn(FxRobot robot) {
        TentacleInstance web = fixture.listening("Web01", 10933);
        startWith(web);

        robot.clickOn("#darkToggle");

        harness.waitUntil(() -> Application.getUserAgentStylesheet().toLowerCase().contains("dark"));
        Screenshots.save(stage.getScene(), "tentacle-manager-main-dark.png");
        robot.clickOn("#darkToggle");
        harness.waitUntil(() -> !Application.getUserAgentStylesheet().toLowerCase().contains("dark"));
    }
}

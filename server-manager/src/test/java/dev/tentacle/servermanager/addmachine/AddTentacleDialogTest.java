package dev.tentacle.servermanager.addmachine;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import dev.tentacle.desktop.testing.Screenshots;
import dev.tentacle.desktop.thumbprint.ThumbprintDiff;
import dev.tentacle.server.admin.ServerInstance;
import dev.tentacle.server.storage.Storage;
import dev.tentacle.server.storage.machines.Machine;
import dev.tentacle.server.storage.machines.MachineFilter;
import dev.tentacle.servermanager.AppScreens;
import dev.tentacle.servermanager.ServerManagerContext;
import dev.tentacle.servermanager.testing.ServerManagerFixture;
import dev.tentacle.servermanager.testing.ServerManagerFixture.TestTentacle;
import dev.tentacle.testing.net.SilentServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.StackPane;
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
 * The add listening Tentacle window driven with TestFX against a real server instance (H2 storage) and real listening
 * Tentacle agents: verify and add, a thumbprint that differs from the one typed, declining, the errors of an
 * unreachable port and an unknown host, and cancelling.
 */
@ExtendWith(ApplicationExtension.class)
class AddTentacleDialogTest {
    @TempDir
    Path root;

    Stage owner;
    ServerManagerFixture fixture;
    ServerManagerContext context;
    ServerInstance server;
    Storage storage;
    AtomicInteger added = new AtomicInteger();

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        stage.setScene(new Scene(new StackPane(new Label("Octopus Server Manager")), 300, 200));
        stage.show();
        owner = stage;
    }

    @BeforeEach
    void setUp() {
        fixture = new ServerManagerFixture(root);
        context = fixture.fxContext();
        server = fixture.createServer("Main");
        storage = fixture.storage(server);
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    Stage open(FxRobot robot, Duration probeTimeout) {
        Stage[] dialog = new Stage[1];
        robot.interact(() -> {
            AddTentacleViewModel model = new AddTentacleViewModel(context, server, fixture.storages(), probeTimeout);
            model.setOnAdded(added::incrementAndGet);
            dialog[0] = AddTentacleDialog.show(owner, model);
        });
        WaitForAsyncUtils.waitForFxEvents();
        return dialog[0];
    }

    /** Fills a field as pasting would (typing key by key is slow under the headless robot). */
    static void type(FxRobot robot, String field, String text) {
        TextField input = robot.lookup(field).queryAs(TextField.class);
        robot.interact(() -> input.setText(text));
    }

    static void awaitVisible(FxRobot robot, String query) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup(query).tryQuery().map(Node::isVisible)
                .orElse(false));
        WaitForAsyncUtils.waitForFxEvents();
    }

    static char other(char hex) {
        return hex == 'A' ? 'B' : 'A';
    }

    static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    @Test
    void addsAListeningTentacleByVerifyingItsThumbprint(FxRobot robot) throws Exception {
        TestTentacle web01 = fixture.listeningTentacle(server, "web01");
        Stage dialog = open(robot, Duration.ofSeconds(10));
        robot.clickOn("#hostField").write("127.0.0.1");
        type(robot, "#portField", Integer.toString(web01.port()));
        type(robot, "#thumbprintField", web01.identity().thumbprints().sha256().hex());
        type(robot, "#nameField", "web01");
        type(robot, "#environmentsField", "Production");
        type(robot, "#rolesField", "web, api");

        robot.clickOn("#connectButton");
        awaitVisible(robot, "#verifySection");

        assertThat(robot.lookup("#presentedSha1").queryAs(TextField.class).getText())
                .isEqualTo(web01.identity().thumbprints().sha1().hex());
        assertThat(robot.lookup("#presentedSha256").queryAs(TextField.class).getText())
                .isEqualTo(web01.identity().thumbprints().sha256().hex());
        assertThat(text(robot, "#expectedMatch")).isEqualTo("It matches the SHA-256 thumbprint you entered.");
        assertThat(storage.machines().list(MachineFilter.all())).isEmpty();
        Path screenshot = Screenshots.save(dialog.getScene(), "server-manager-add-tentacle.png");
        assertThat(Files.size(screenshot)).isGreaterThan(10_000);

        robot.clickOn("#confirmButton");
        awaitVisible(robot, "#addedSection");

        Machine saved = storage.machines().findByName("web01").orElseThrow();
        assertThat(saved.thumbprint()).isEqualTo(web01.identity().thumbprints().sha256());
        assertThat(saved.roles()).containsExactly("api", "web");
        assertThat(saved.environments()).containsExactly("Production");
        assertThat(added).hasValue(1);
        assertThat(text(robot, "#addedMessage")).startsWith("Added 'web01' (" + saved.id() + ")");
        assertThat(text(robot, "#trustAdvice")).startsWith("The Tentacle already trusts this Octopus Server");
        assertThat(robot.lookup("#serverSha256").queryAs(TextField.class).getText())
                .isEqualTo(fixture.identity(server).thumbprints().sha256().hex());
        assertThat(robot.lookup("#hostField").queryAs(TextField.class).isDisabled()).isTrue();

        robot.clickOn("#closeButton");
        assertThat(dialog.isShowing()).isFalse();
    }

    @Test
    void rejectsATentacleWhoseThumbprintDiffersFromTheOneTyped(FxRobot robot) throws Exception {
        TestTentacle web01 = fixture.listeningTentacle(server, "web01");
        // A near miss, as a thumbprint copied from another Tentacle's manager, or typed with two slips, looks.
        String presented = web01.identity().thumbprints().sha1().hex();
        String expected = presented.substring(0, 6) + other(presented.charAt(6)) + presented.substring(7, 29)
                + other(presented.charAt(29)) + other(presented.charAt(30)) + presented.substring(31);
        Stage dialog = open(robot, Duration.ofSeconds(10));
        type(robot, "#hostField", "127.0.0.1:" + web01.port());
        type(robot, "#thumbprintField", expected);
        type(robot, "#nameField", "web01");

        robot.clickOn("#connectButton");
        awaitVisible(robot, "#mismatchSection");

        ThumbprintDiff diff = robot.lookup("#thumbprintDiff").queryAs(ThumbprintDiff.class);
        assertThat(diff.expectedProperty().get()).isEqualTo(expected);
        assertThat(diff.actualProperty().get()).isEqualTo(web01.identity().thumbprints().sha1().hex());
        assertThat(robot.lookup(".thumbprint-diff-differs").queryAllAs(Label.class)).extracting(Label::getText)
                .containsExactlyInAnyOrder(expected.substring(6, 7), expected.substring(29, 31),
                        presented.substring(6, 7), presented.substring(29, 31));
        assertThat(robot.lookup("#portField").queryAs(TextField.class).isDisabled()).isTrue();
        assertThat(text(robot, "#mismatchMessage")).contains("nothing was saved");
        assertThat(robot.lookup("#verifySection").queryAs(Node.class).isVisible()).isFalse();
        assertThat(robot.lookup("#confirmButton").queryButton().isDisabled()).isTrue();
        Screenshots.save(dialog.getScene(), "server-manager-thumbprint-mismatch.png");
        assertThat(storage.machines().list(MachineFilter.all())).isEmpty();
        assertThat(added).hasValue(0);
    }

    @Test
    void decliningTheCertificateSavesNothing(FxRobot robot) throws Exception {
        TestTentacle web01 = fixture.listeningTentacle(server, "web01");
        open(robot, Duration.ofSeconds(10));
        type(robot, "#hostField", "127.0.0.1:" + web01.port());
        robot.clickOn("#connectButton");
        awaitVisible(robot, "#verifySection");

        robot.clickOn("#declineButton");
        awaitVisible(robot, "#declinedSection");

        assertThat(text(robot, "#declinedMessage")).startsWith("Not added: nothing was saved.");
        assertThat(storage.machines().list(MachineFilter.all())).isEmpty();
        assertThat(added).hasValue(0);
    }

    @Test
    void anUnreachablePortAndAnUnknownHostSayWhatToDo(FxRobot robot) throws Exception {
        open(robot, Duration.ofSeconds(10));
        type(robot, "#hostField", "127.0.0.1:" + ServerManagerFixture.freePort());
        robot.clickOn("#connectButton");
        awaitVisible(robot, "#problemSection");

        assertThat(text(robot, "#problemTitle")).isEqualTo("Nothing accepts connections there");
        assertThat(text(robot, "#problemMessage")).contains("Is the Tentacle running");

        type(robot, "#hostField", "no-such-tentacle.invalid");
        assertThat(robot.lookup("#problemSection").queryAs(Node.class).isVisible()).isFalse();
        robot.clickOn("#connectButton");
        awaitVisible(robot, "#problemSection");

        assertThat(text(robot, "#problemTitle")).isEqualTo("The host name does not resolve (DNS)");
        assertThat(text(robot, "#problemMessage")).contains("'no-such-tentacle.invalid' does not resolve");
        assertThat(storage.machines().list(MachineFilter.all())).isEmpty();
    }

    @Test
    void cancelStopsWaitingForATentacleThatDoesNotAnswer(FxRobot robot) throws Exception {
        try (SilentServer silent = SilentServer.start()) {
            open(robot, Duration.ofSeconds(60));
            type(robot, "#hostField", "127.0.0.1:" + silent.port());
            robot.clickOn("#connectButton");
            awaitVisible(robot, "#cancelConnectButton");
            assertThat(robot.lookup("#hostField").queryAs(TextField.class).isDisabled()).isTrue();

            robot.clickOn("#cancelConnectButton");
            WaitForAsyncUtils.waitForFxEvents();

            assertThat(robot.lookup("#cancelConnectButton").queryButton().isVisible()).isFalse();
            assertThat(robot.lookup("#hostField").queryAs(TextField.class).isDisabled()).isFalse();
            assertThat(robot.lookup("#connectButton").queryButton().isDisabled()).isFalse();
        }
    }

    @Test
    void theAppOpensItForTheInstance(FxRobot robot) throws Exception {
        robot.interact(() -> new AppScreens(context, fixture.storages()).addListeningTentacle(owner, server,
                added::incrementAndGet));
        WaitForAsyncUtils.waitForFxEvents();

        Window window = robot.listTargetWindows().stream().filter(w -> w instanceof Stage s
                && s.getTitle().equals("Add a listening Tentacle to Main")).findFirst().orElseThrow();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#policyBox").queryComboBox()
                .getValue() != null);
        assertThat(robot.lookup("#policyBox").queryComboBox().getValue()).isEqualTo("Default Machine Policy");
        assertThat(robot.lookup("#portField").queryAs(TextField.class).getText()).isEqualTo("10933");
        assertThat(window.getScene().getFocusOwner()).isSameAs(robot.lookup("#hostField").query());
        robot.interact(((Stage) window)::close);
    }
}

package dev.tentacle.servermanager.health;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import dev.tentacle.comms.CertificateThumbprints;
import dev.tentacle.server.admin.ServerInstance;
import dev.tentacle.server.storage.Storage;
import dev.tentacle.server.storage.machines.Machine;
import dev.tentacle.server.storage.machines.MachinePolicySettings;
import dev.tentacle.server.storage.machines.NewMachine;
import dev.tentacle.servermanager.testing.ServerManagerFixture;
import dev.tentacle.servermanager.testing.ServerManagerFixture.TestTentacle;
import dev.tentacle.testing.certificates.CertificateFixtures;
import dev.tentacle.testing.net.SilentServer;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
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
 * The health check window driven with TestFX against a real server instance and real Tentacles: the hint for a
 * Tentacle that does not trust the server, and Cancel.
 */
@ExtendWith(ApplicationExtension.class)
class HealthCheckDialogUiTest {
    @TempDir
    Path root;

    Stage owner;
    ServerManagerFixture fixture;
    ServerInstance server;
    Storage storage;

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
        server = fixture.createServer("Main");
        storage = fixture.storage(server);
    }

    @AfterEach
    void tearDown(FxRobot robot) {
        robot.interact(() -> new ArrayList<>(Window.getWindows()).stream().filter(w -> w != owner)
                .forEach(Window::hide));
        fixture.close();
    }

    private void open(FxRobot robot, List<Machine> machines, Runnable closed) {
        robot.interact(() -> HealthChecks.open(owner, fixture.fxContext(), fixture.storages(), server,
                machines.stream().map(Machine::id).toList(), closed));
    }

    private static String summary(FxRobot robot) {
        return robot.lookup("#healthSummary").queryAs(Label.class).getText();
    }

    private static void awaitEnd(FxRobot robot, int seconds) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> !robot.lookup("#healthRerun").queryButton()
                .isDisabled());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aTentacleThatDoesNotTrustTheServerShowsTheTrustHintWithTheServersThumbprint(FxRobot robot) throws Exception {
        storage.machinePolicies().add(MachinePolicySettings.defaults("No retries").withRpcRetryEnabled(false));
        TestTentacle stranger = fixture.listeningTentacle(fixture.createServer("Other"), "web03");
        Machine web03 = storage.machines().add(NewMachine.listening("web03", stranger.uri(),
                stranger.identity().thumbprints().sha256()).withPolicy("No retries"));
        AtomicInteger closed = new AtomicInteger();

        open(robot, List.of(web03), closed::incrementAndGet);
        awaitEnd(robot, 30);

        CertificateThumbprints thumbprints = fixture.identity(server).thumbprints();
        assertThat(robot.lookup(".machine-message").queryAllAs(Label.class)).filteredOn(Node::isVisible)
                .singleElement().satisfies(message -> assertThat(message.getText()).startsWith("[SERVER_NOT_TRUSTED]"));
        assertThat(robot.lookup(".machine-hint").queryAllAs(Label.class)).filteredOn(Node::isVisible)
                .singleElement().satisfies(hint -> assertThat(hint.getText())
                        .startsWith("The Tentacle does not trust this server's certificate.")
                        .contains("--trust " + thumbprints.sha1().hex()));
        assertThat(summary(robot)).isEqualTo("0 of 1 machines healthy; 1 needs attention: what to check is under"
                + " each.");

        robot.clickOn("#healthClose");
        assertThat(closed.get()).isEqualTo(1);
    }

    @Test
    void cancelStopsACheckThatIsStillRunning(FxRobot robot) throws Exception {
        try (SilentServer silent = SilentServer.start()) {
            // Under the default policy a machine that never answers is retried for 2 min 30 s: it runs until cancelled.
            Machine hung = storage.machines().add(NewMachine.listening("hung", URI.create("https://127.0.0.1:"
                    + silent.port() + "/"), CertificateFixtures.tentacle().thumbprints().sha256()));
            open(robot, List.of(hung), () -> { });
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> summary(robot).startsWith("Checking 1 machine"));
            assertThat(robot.lookup("#healthCancel").queryButton().isDisabled()).isFalse();

            robot.clickOn("#healthCancel");
            awaitEnd(robot, 60);

            assertThat(summary(robot)).isEqualTo("Cancelled: 0 of 1 machines were checked.");
            assertThat(robot.lookup(".machine-summary").queryAllAs(Label.class)).extracting(Label::getText)
                    .containsExactly("Cancelled");
            assertThat(robot.lookup("#healthCancel").queryButton().isDisabled()).isTrue();
        }
    }
}

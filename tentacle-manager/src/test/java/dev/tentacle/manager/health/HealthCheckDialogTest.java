package dev.tentacle.manager.health;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import dev.tentacle.comms.Thumbprint;
import dev.tentacle.instances.config.TrustedServer;
import dev.tentacle.manager.ManagerContext;
import dev.tentacle.desktop.fx.UiThread;
import dev.tentacle.tentacle.agent.TentacleAgent;
import dev.tentacle.tentacle.diagnostics.CheckKind;
import dev.tentacle.tentacle.diagnostics.CheckResult;
import dev.tentacle.tentacle.diagnostics.CheckStatus;
import dev.tentacle.tentacle.diagnostics.TentacleDiagnostics;
import dev.tentacle.tentacle.instance.TentacleInstance;
import dev.tentacle.testing.certificates.CertificateFixtures;
import dev.tentacle.testing.net.Ports;
import dev.tentacle.testing.net.SilentServer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.kordamp.ikonli.javafx.FontIcon;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The health check dialog driven with TestFX against real instances in a temporary registry: a running agent that
 * passes, a closed port that fails with what to do, then Re-run once the agent is up.
 */
@ExtendWith(ApplicationExtension.class)
class HealthCheckDialogTest {
    static final Thumbprint SERVER = CertificateFixtures.server().thumbprints().sha256();

    @TempDir
    Path temp;

    Stage owner;
    ExecutorService background;
    ManagerContext context;
    TentacleAgent agent;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        stage.setScene(new Scene(new StackPane(new Label("Tentacle Manager")), 300, 200));
        stage.show();
        owner = stage;
    }

    @BeforeEach
    void setUp() {
        background = Executors.newVirtualThreadPerTaskExecutor();
        context = TestTentacles.context(temp.resolve("registry"), background, UiThread.fx());
    }

    @AfterEach
    void tearDown() {
        if (agent != null) {
            agent.close();
        }
        background.shutdownNow();
    }

    Stage open(FxRobot robot, String instance) {
        Stage[] dialog = new Stage[1];
        robot.interact(() -> dialog[0] = HealthCheckDialog.show(owner, context, instance,
                i -> TentacleDiagnostics.forInstance(i).withTimeout(TestTentacles.TIMEOUT)));
        return dialog[0];
    }

    static void awaitFinished(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !robot.lookup("#rerunButton").queryButton().isDisabled());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @SuppressWarnings("unchecked")
    static ListView<CheckResult> results(FxRobot robot) {
        return robot.lookup("#results").queryAs(ListView.class);
    }

    static String summary(FxRobot robot) {
        return robot.lookup("#summary").queryAs(Label.class).getText();
    }

    @Test
    void aRunningAgentPassesEveryCheck(FxRobot robot) throws Exception {
        TentacleInstance instance = TestTentacles.create(context, "Web01", c -> c.withListenPort(Ports.freeLoopbackPort())
                .withTrustedServer(TrustedServer.listening(SERVER)));
        agent = TestTentacles.startAgent(instance);

        Stage dialog = open(robot, "Web01");
        awaitFinished(robot);

        assertThat(dialog.getTitle()).isEqualTo("Health check: Web01");
        assertThat(summary(robot)).isEqualTo("All 6 checks passed.");
        assertThat(results(robot).getItems()).extracting(CheckResult::status).containsOnly(CheckStatus.PASSED);
        assertThat(robot.lookup(".status-icon").queryAllAs(FontIcon.class))
                .isNotEmpty().allSatisfy(icon -> assertThat(icon.getIconLiteral()).isEqualTo("mdi2c-check-circle"));
        assertThat(robot.lookup(".check-finding").queryAllAs(Label.class)).extracting(Label::getText)
                .anySatisfy(text -> assertThat(text).contains("held by this Tentacle's agent"));
        assertThat(robot.lookup("#cancelButton").queryButton().isVisible()).isFalse();

        robot.clickOn("#closeButton");

        assertThat(dialog.isShowing()).isFalse();
    }

    @Test
    void aClosedPortFailsWithWhatToDoAndPassesOnReRunOnceTheAgentRuns(FxRobot robot) throws Exception {
        int port = Ports.freeLoopbackPort();
        TentacleInstance instance = TestTentacles.create(context, "Web01", c -> c.withListenPort(port)
                .withTrustedServer(TrustedServer.listening(SERVER)));

        open(robot, "Web01");
        awaitFinished(robot);

        assertThat(summary(robot)).isEqualTo("6 checks: 1 failed, 1 with a warning. What to do is under each.");
        CheckResult welcome = results(robot).getItems().stream().filter(r -> r.kind() == CheckKind.WELCOME_PAGE)
                .findFirst().orElseThrow();
        assertThat(welcome.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(robot.lookup(".check-advice").queryAllAs(Label.class)).filteredOn(Label::isVisible)
                .extracting(Label::getText)
                .contains("What to do: Start it: tentacle service --instance Web01 --start (or in Tentacle Manager,"
                        + " Start), or in a terminal: tentacle run --instance Web01.");
        assertThat(robot.lookup(".status-icon").queryAllAs(FontIcon.class)).extracting(FontIcon::getIconLiteral)
                .contains("mdi2c-close-circle", "mdi2a-alert", "mdi2c-check-circle");

        agent = TestTentacles.startAgent(instance);
        robot.clickOn("#rerunButton");
        awaitFinished(robot);

        assertThat(summary(robot)).isEqualTo("All 6 checks passed.");
        assertThat(results(robot).getItems()).hasSize(6);
    }

    @Test
    void screenshotOfAListeningTentacleWithAPolledServerThatIsDown(FxRobot robot) throws Exception {
        int closed = Ports.freeLoopbackPort();
        TentacleInstance instance = TestTentacles.create(context, "Web01", c -> c.withListenPort(Ports.freeLoopbackPort())
                .withTrustedServer(TrustedServer.listening(SERVER))
                .withTrustedServer(TrustedServer.polling(SERVER, URI.create("https://127.0.0.1:" + closed + "/"), "web01")));
        agent = TestTentacles.startAgent(instance);

        Stage dialog = open(robot, "Web01");
        awaitFinished(robot);

        assertThat(results(robot).getItems()).filteredOn(r -> r.kind() == CheckKind.SERVER_PORT).singleElement()
                .satisfies(r -> assertThat(r.status()).isEqualTo(CheckStatus.FAILED));
        assertThat(results(robot).getItems()).filteredOn(r -> r.kind() == CheckKind.LISTENING_PORT).singleElement()
                .satisfies(r -> assertThat(r.status()).isEqualTo(CheckStatus.PASSED));
        Path file = dev.tentacle.desktop.testing.Screenshots.save(dialog.getScene(), "health-check.png");

        assertThat(Files.size(file)).isGreaterThan(10_000);
        assertThat(dialog.getScene().getWidth()).isGreaterThanOrEqualTo(800);
    }

    @Test
    void cancelStopsARunInProgress(FxRobot robot) throws Exception {
        try (SilentServer silent = SilentServer.start()) {
            TestTentacles.create(context, "Poller", c -> c.withNoListen(true).withTrustedServer(
                    TrustedServer.polling(SERVER, URI.create("https://127.0.0.1:" + silent.port() + "/"), "poller")));
            Stage[] dialog = new Stage[1];
            robot.interact(() -> dialog[0] = HealthCheckDialog.show(owner, context, "Poller",
                    i -> TentacleDiagnostics.forInstance(i).withTimeout(Duration.ofSeconds(60))));
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> results(robot).getItems().stream()
                    .anyMatch(r -> r.kind() == CheckKind.SERVER_PORT));
            Button cancel = robot.lookup("#cancelButton").queryButton();
            assertThat(cancel.isVisible()).isTrue();

            robot.clickOn("#cancelButton");
            awaitFinished(robot);

            assertThat(summary(robot)).startsWith("Cancelled:");
            assertThat(results(robot).getItems()).filteredOn(r -> r.kind() == CheckKind.SERVER_CERTIFICATE)
                    .singleElement().satisfies(r -> assertThat(r.status()).isEqualTo(CheckStatus.SKIPPED));
        }
    }
}

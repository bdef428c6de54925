package dev.tentacle.manager.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tentacle.comms.Thumbprint;
import dev.tentacle.instances.config.TrustedServer;
import dev.tentacle.manager.ManagerContext;
import dev.tentacle.desktop.fx.UiThread;
import dev.tentacle.tentacle.diagnostics.CheckKind;
import dev.tentacle.tentacle.diagnostics.CheckResult;
import dev.tentacle.tentacle.diagnostics.CheckStatus;
import dev.tentacle.tentacle.diagnostics.DiagnosticsRun;
import dev.tentacle.tentacle.diagnostics.TentacleDiagnostics;
import dev.tentacle.testing.certificates.CertificateFixtures;
import dev.tentacle.testing.net.Ports;
import dev.tentacle.testing.net.SilentServer;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The health check's view model without JavaFX running: the UI thread is the calling thread. */
class HealthCheckViewModelTest {
    static final Thumbprint SERVER = CertificateFixtures.server().thumbprints().sha256();

    @TempDir
    Path temp;

    /** Work runs on the calling thread, so {@link HealthCheckViewModel#run()} returns when the checks end. */
    ManagerContext directContext() {
        return TestTentacles.context(temp, Runnable::run, UiThread.direct());
    }

    @Test
    void showsEachResultAsItArrivesInReportOrderAndSummarisesTheProblems() {
        ManagerContext context = directContext();
        TestTentacles.create(context, "Web01", c -> c.withListenPort(Ports.freeLoopbackPort())
                .withTrustedServer(TrustedServer.listening(SERVER)));
        HealthCheckViewModel viewModel = TestTentacles.viewModel(context, "Web01");
        List<Integer> sizesSeen = new ArrayList<>();
        viewModel.results().addListener((ListChangeListener<CheckResult>) change -> sizesSeen.add(change.getList().size()));

        viewModel.run();

        assertThat(viewModel.isRunning()).isFalse();
        assertThat(viewModel.results()).extracting(CheckResult::kind).containsExactly(CheckKind.CONFIGURATION,
                CheckKind.CERTIFICATE, CheckKind.TRUSTED_SERVERS, CheckKind.LISTENING_PORT, CheckKind.WELCOME_PAGE,
                CheckKind.DISK_SPACE);
        assertThat(sizesSeen).startsWith(1, 2, 3);
        assertThat(viewModel.outcomeProperty().get()).isEqualTo(HealthCheckViewModel.Outcome.FAILURES);
        assertThat(viewModel.summaryProperty().get()).isEqualTo("6 checks: 1 failed, 1 with a warning. What to do is under each.");
        assertThat(viewModel.report()).contains("Health check: Web01", "FAILED  Welcome page",
                "What to do: Start it: tentacle service --instance Web01 --start");
    }

    @Test
    void reRunningReplacesTheResults() {
        ManagerContext context = directContext();
        TestTentacles.create(context, "Web01", c -> c.withListenPort(Ports.freeLoopbackPort())
                .withTrustedServer(TrustedServer.listening(SERVER)));
        HealthCheckViewModel viewModel = TestTentacles.viewModel(context, "Web01");

        viewModel.run();
        viewModel.run();

        assertThat(viewModel.results()).hasSize(6);
    }

    @Test
    void anInstanceThatIsNotRegisteredIsAnErrorThatSaysSo() {
        HealthCheckViewModel viewModel = TestTentacles.viewModel(directContext(), "Missing");

        viewModel.run();

        assertThat(viewModel.outcomeProperty().get()).isEqualTo(HealthCheckViewModel.Outcome.ERROR);
        assertThat(viewModel.summaryProperty().get()).startsWith("The checks could not run: No Tentacle instance named 'Missing'");
        assertThat(viewModel.isRunning()).isFalse();
    }

    @Test
    void cancelStopsTheChecksAndSaysHowManyFinished() throws Exception {
        try (SilentServer silent = SilentServer.start(); ExecutorService background = Executors.newVirtualThreadPerTaskExecutor()) {
            ManagerContext context = TestTentacles.context(temp, background, UiThread.direct());
            TestTentacles.create(context, "Poller", c -> c.withNoListen(true).withTrustedServer(
                    TrustedServer.polling(SERVER, URI.create("https://127.0.0.1:" + silent.port() + "/"), "poller")));
            HealthCheckViewModel viewModel = HealthCheckViewModel.forInstance(context, "Poller",
                    instance -> TentacleDiagnostics.forInstance(instance).withTimeout(Duration.ofSeconds(60)));

            viewModel.run();
            await().atMost(Duration.ofSeconds(10)).until(() -> viewModel.results().stream()
                    .anyMatch(r -> r.kind() == CheckKind.SERVER_PORT));
            assertThat(viewModel.isRunning()).isTrue();
            viewModel.cancel();

            await().atMost(Duration.ofSeconds(5)).until(() -> !viewModel.isRunning());
            assertThat(viewModel.outcomeProperty().get()).isEqualTo(HealthCheckViewModel.Outcome.CANCELLED);
            assertThat(viewModel.summaryProperty().get()).matches("Cancelled: \\d of \\d checks finished\\.");
            assertThat(viewModel.results()).filteredOn(r -> r.kind() == CheckKind.SERVER_CERTIFICATE)
                    .singleElement().satisfies(r -> {
                        assertThat(r.status()).isEqualTo(CheckStatus.SKIPPED);
                        assertThat(r.finding()).isEqualTo(DiagnosticsRun.CANCELLED_FINDING);
                    });
        }
    }

    @Test
    void summariesCountWhatNeedsAttention() {
        CheckResult passed = result(0, CheckStatus.PASSED, null);
        CheckResult warning = result(1, CheckStatus.WARNING, "do this");
        CheckResult failed = result(2, CheckStatus.FAILED, "do that");

        assertThat(HealthCheckViewModel.summaryOf(HealthCheckViewModel.outcomeOf(List.of(passed)), List.of(passed)))
                .isEqualTo("All 1 checks passed.");
        assertThat(HealthCheckViewModel.summaryOf(HealthCheckViewModel.outcomeOf(List.of(passed, warning)), List.of(passed, warning)))
                .isEqualTo("2 checks: 1 with a warning. What to do is under each.");
        assertThat(HealthCheckViewModel.outcomeOf(List.of(passed, warning, failed))).isEqualTo(HealthCheckViewModel.Outcome.FAILURES);
    }

    private static CheckResult result(int order, CheckStatus status, String advice) {
        return new CheckResult(order, CheckKind.DISK_SPACE, "Free disk space", status, "found", advice, Duration.ZERO);
    }
}

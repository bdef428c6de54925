package dev.tentacle.tentacle.diagnostics;

import static dev.tentacle.tentacle.diagnostics.TestInstances.only;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tentacle.comms.Thumbprint;
import dev.tentacle.instances.config.TrustedServer;
import dev.tentacle.tentacle.instance.TentacleInstance;
import dev.tentacle.testing.certificates.CertificateFixtures;
import dev.tentacle.testing.net.Ports;
import dev.tentacle.testing.net.SilentServer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a run behaves: order, delivery, prerequisites, cancellation, and the checks that need no network. */
class DiagnosticsRunTest {
    static final Thumbprint SERVER = CertificateFixtures.server().thumbprints().sha256();

    @TempDir
    Path temp;

    @Test
    void deliversEachResultOnceAndReturnsThemInReportOrder() throws Exception {
        TentacleInstance instance = TestInstances.create(temp, c -> c.withListenPort(Ports.freeLoopbackPort())
                .withTrustedServer(TrustedServer.polling(SERVER, URI.create("https://127.0.0.1:" + Ports.freeLoopbackPort() + "/"), "a"))
                .withTrustedServer(TrustedServer.polling(SERVER, URI.create("https://octopus.invalid:10943/"), "b")));
        List<CheckResult> delivered = new CopyOnWriteArrayList<>();

        List<CheckResult> results = TestInstances.diagnostics(instance).run(delivered::add);

        assertThat(delivered).containsExactlyInAnyOrderElementsOf(results);
        assertThat(results).isSortedAccordingTo(CheckResult.REPORT_ORDER);
        assertThat(results).extracting(CheckResult::order).doesNotHaveDuplicates();
        assertThat(results).extracting(CheckResult::name).contains("Server host name: octopus.invalid")
                .filteredOn(name -> name.startsWith("Server certificate")).hasSize(2);
    }

    @Test
    void aMissingConfigurationFileStopsTheRunWithTheCommandToFixIt() throws Exception {
        Path file = temp.resolve("Tentacle.config.json");
        TentacleInstance instance = new TentacleInstance("Web 01", file);

        List<CheckResult> results = TestInstances.diagnostics(instance).run(r -> { });

        assertThat(results).extracting(CheckResult::kind).containsExactly(CheckKind.CONFIGURATION, CheckKind.CERTIFICATE);
        CheckResult configuration = results.getFirst();
        assertThat(configuration.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(configuration.finding()).contains(file.toString(), "does not exist");
        assertThat(configuration.advice()).contains("tentacle create-instance --instance \"Web 01\" --config " + file,
                "tentacle delete-instance --instance \"Web 01\"");
        assertThat(results.get(1).status()).isEqualTo(CheckStatus.SKIPPED);
        assertThat(results.get(1).finding()).contains("the configuration file could not be read");
    }

    @Test
    void aDamagedConfigurationFileNamesTheProblemAndTheBackup() throws Exception {
        TentacleInstance instance = TestInstances.create(temp, c -> c);
        Files.copy(instance.configFile(), instance.configFile().resolveSibling("Tentacle.config.json.bak"));
        Files.writeString(instance.configFile(), "{ \"listenPort\": \"ten\" ");

        CheckResult configuration = only(TestInstances.diagnostics(instance).run(r -> { }), CheckKind.CONFIGURATION);

        assertThat(configuration.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(configuration.finding()).contains(instance.configFile().toString());
        assertThat(configuration.advice()).contains("Tentacle.config.json.bak");
    }

    @Test
    void anInstanceWithoutACertificateIsToldHowToMakeOne() throws Exception {
        TentacleInstance instance = TestInstances.create(temp, c -> c.withCertificate(null).withNoListen(true)
                .withTrustedServer(TrustedServer.polling(SERVER, URI.create("https://127.0.0.1:" + Ports.freeLoopbackPort() + "/"), "a")));

        List<CheckResult> results = TestInstances.diagnostics(instance).run(r -> { });

        CheckResult certificate = only(results, CheckKind.CERTIFICATE);
        assertThat(certificate.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(certificate.advice()).contains("tentacle new-certificate --instance Web01",
                "tentacle import-certificate --instance Web01 --from-file FILE.pfx");
        assertThat(only(results, CheckKind.SERVER_CERTIFICATE).status()).isIn(CheckStatus.SKIPPED);
    }

    @Test
    void aCertificateFileThatIsGoneFailsWithWhatToDo() throws Exception {
        TentacleInstance instance = TestInstances.create(temp, c -> c.withNoListen(true));
        Files.delete(instance.configuration().certificate().file());

        CheckResult certificate = only(TestInstances.diagnostics(instance).run(r -> { }), CheckKind.CERTIFICATE);

        assertThat(certificate.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(certificate.finding()).contains("tentacle.pfx cannot be loaded");
        assertThat(certificate.advice()).contains("tentacle import-certificate --instance Web01", "new thumbprint");
    }

    @Test
    void lowDiskSpaceFailsAtTheThreshold() throws Exception {
        TentacleInstance instance = TestInstances.create(temp, c -> c.withNoListen(true));

        CheckResult disk = only(TestInstances.diagnostics(instance).withMinimumFreeBytes(Long.MAX_VALUE).run(r -> { }),
                CheckKind.DISK_SPACE);

        assertThat(disk.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(disk.finding()).contains("free of", instance.configuration().homeDirectory().resolve("Work").toString());
        assertThat(disk.advice()).contains("tentacle configure --instance Web01 --home DIR");
    }

    @Test
    void cancellingStopsAtOnceAndReportsTheUnfinishedChecksAsSkipped() throws Exception {
        try (SilentServer silent = SilentServer.start()) {
            TentacleInstance instance = TestInstances.create(temp, c -> c.withNoListen(true).withTrustedServer(
                    TrustedServer.polling(SERVER, URI.create("https://127.0.0.1:" + silent.port() + "/"), "a")));
            CountDownLatch portPassed = new CountDownLatch(1);
            DiagnosticsRun run = TentacleDiagnostics.forInstance(instance).withTimeout(Duration.ofSeconds(60)).start(r -> {
                if (r.kind() == CheckKind.SERVER_PORT) {
                    portPassed.countDown();
                }
            });
            assertThat(portPassed.await(10, TimeUnit.SECONDS)).isTrue();
            long started = System.nanoTime();

            run.cancel();

            assertThat(run.await(Duration.ofSeconds(5))).isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
            assertThat(run.isCancelled()).isTrue();
            CheckResult certificate = only(run.await(), CheckKind.SERVER_CERTIFICATE);
            assertThat(certificate.status()).isEqualTo(CheckStatus.SKIPPED);
            assertThat(certificate.finding()).isEqualTo(DiagnosticsRun.CANCELLED_FINDING);
            assertThat(only(run.await(), CheckKind.SERVER_PORT).status()).isEqualTo(CheckStatus.PASSED);
        }
    }

    @Test
    void interruptingTheCallerOfRunCancelsIt() throws Exception {
        try (SilentServer silent = SilentServer.start()) {
            TentacleInstance instance = TestInstances.create(temp, c -> c.withNoListen(true).withTrustedServer(
                    TrustedServer.polling(SERVER, URI.create("https://127.0.0.1:" + silent.port() + "/"), "a")));
            Thread caller = Thread.currentThread();
            Thread.ofVirtual().start(() -> {
                try {
                    Thread.sleep(500);
                } catch (InterruptedException ignored) {
                    return;
                }
                caller.interrupt();
            });

            assertThatThrownBy(() -> TentacleDiagnostics.forInstance(instance).withTimeout(Duration.ofSeconds(60)).run(r -> { }))
                    .isInstanceOf(InterruptedException.class);
            Thread.interrupted();
        }
    }

    @Test
    void aResultThatNeedsAttentionMustSayWhatToDo() {
        assertThatThrownBy(() -> new CheckResult(0, CheckKind.DISK_SPACE, "Free disk space", CheckStatus.FAILED, "full", " ",
                Duration.ZERO)).hasMessageContaining("needs advice");
        assertThatThrownBy(() -> new CheckResult(0, CheckKind.DISK_SPACE, "Free disk space", CheckStatus.PASSED, "fine",
                "do something", Duration.ZERO)).hasMessageContaining("a pass needs none");
        assertThat(new CheckResult(0, CheckKind.DISK_SPACE, "Free disk space", CheckStatus.SKIPPED, "not run", null,
                Duration.ZERO).advice()).isNull();
    }
}

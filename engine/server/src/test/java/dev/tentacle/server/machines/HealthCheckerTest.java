package dev.tentacle.server.machines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

import dev.tentacle.comms.CommsOptions;
import dev.tentacle.comms.CommsRuntime;
import dev.tentacle.comms.ServiceEndpoint;
import dev.tentacle.comms.Thumbprint;
import dev.tentacle.comms.TrustList;
import dev.tentacle.comms.retry.RetryPolicy;
import dev.tentacle.contracts.capabilities.CapabilitiesResponse;
import dev.tentacle.contracts.capabilities.CapabilitiesService;
import dev.tentacle.contracts.capabilities.DiskSpace;
import dev.tentacle.contracts.scripts.ScriptServiceV2;
import dev.tentacle.instances.config.CommunicationStyle;
import dev.tentacle.server.storage.health.HealthCheckResult;
import dev.tentacle.server.storage.health.HealthStatus;
import dev.tentacle.server.storage.machines.Machine;
import dev.tentacle.server.storage.machines.MachineId;
import dev.tentacle.testing.certificates.CertificateFixtures;
import dev.tentacle.tentacle.agent.TentacleServices;
import dev.tentacle.testing.net.Ports;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HealthCheckerTest {
    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private static final CommsOptions OPTIONS = CommsOptions.builder()
            .pollingReconnect(Duration.ofMillis(50), Duration.ofMillis(200)).pickupTimeout(Duration.ofSeconds(2)).build();

    private static final long GIB = 1L << 30;
    private static final long MIB = 1L << 20;

    @TempDir
    Path home;

    private CommsRuntime server;
    private CommsRuntime agent;
    private TentacleServices tentacle;

    private record Agent(String version, List<String> services, DiskSpace disk) implements CapabilitiesService {
        Agent(String version, List<String> services) {
            this(version, services, null);
        }

        @Override
        public CapabilitiesResponse getCapabilities() {
            return new CapabilitiesResponse(version, services, disk);
        }
    }

    @AfterEach
    void close() {
        if (agent != null) {
            agent.close();
        }
        if (tentacle != null) {
            tentacle.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private HealthChecker checker() {
        return new HealthChecker(server, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private HealthChecker checkerFlaggingLessThan(long lowDiskSpaceBytes) {
        return new HealthChecker(server, Clock.fixed(NOW, ZoneOffset.UTC), lowDiskSpaceBytes);
    }

    private static Machine machine(CommunicationStyle style, URI uri, Thumbprint thumbprint) {
        return new Machine(new MachineId(7), "web01", style, uri, thumbprint, List.of("Production"), List.of("web"), List.of(),
                "Default Machine Policy", NOW);
    }

    private Machine listeningAgent(CapabilitiesService capabilities) {
        return listeningAgentHosting(builder -> {
            if (capabilities != null) {
                builder.service(CapabilitiesService.class, capabilities);
            } else {
                builder.service(Runnable.class, () -> { });
            }
        });
    }

    /** A Tentacle hosting the agent's own services over {@link #home}, as {@code tentacle run} does. */
    private Machine listeningTentacle() {
        tentacle = TentacleServices.forHome(home);
        return listeningAgentHosting(tentacle::registerOn);
    }

    private Machine listeningAgentHosting(Consumer<CommsRuntime.Builder> services) {
        CommsRuntime.Builder builder = CommsRuntime.builder(CertificateFixtures.tentacle()).options(OPTIONS)
                .trust(TrustList.of(CertificateFixtures.server().thumbprints().sha1()));
        services.accept(builder);
        agent = builder.build();
        int port = agent.listen(new InetSocketAddress("127.0.0.1", 0), "Tentacle listening endpoint");
        server = CommsRuntime.builder(CertificateFixtures.server()).options(OPTIONS).build();
        return machine(CommunicationStyle.LISTENING, URI.create("https://127.0.0.1:" + port + "/"),
                CertificateFixtures.tentacle().thumbprints().sha256());
    }

    @Test
    void aListeningAgentThatCanRunScriptsIsHealthy() {
        Machine machine = listeningAgent(new Agent("1.2.3", List.of("CapabilitiesService", "ScriptServiceV2")));

        HealthCheckResult result = checker().check(machine, RetryPolicy.defaults());

        assertThat(result.status()).isEqualTo(HealthStatus.HEALTHY);
        assertThat(result.machineId()).isEqualTo(machine.id());
        assertThat(result.checkedAt()).isEqualTo(NOW);
        assertThat(result.agentVersion()).isEqualTo("1.2.3");
        assertThat(result.capabilities()).contains(ScriptServiceV2.class.getSimpleName());
        assertThat(result.latency()).isPositive();
    }

    @Test
    void aTentacleReportsTheFreeSpaceOfItsWorkDirectorysVolumeAndTheCheckRecordsIt() throws IOException {
        Machine machine = listeningTentacle();

        // A threshold of one byte, so that this machine's own free space cannot make the check unhealthy.
        HealthCheckResult result = checkerFlaggingLessThan(1).check(machine, RetryPolicy.defaults());

        assertThat(result.status()).isEqualTo(HealthStatus.HEALTHY);
        assertThat(result.reason()).isNull();
        long total = Files.getFileStore(home).getTotalSpace();
        assertThat(result.freeDiskBytes()).isNotNull().isPositive().isLessThanOrEqualTo(total);
    }

    @Test
    void aTentacleLowOnDiskSpaceIsUnhealthyAndTheReasonSaysHowMuchIsFreeWhereAndWhatToDo() {
        Machine machine = listeningTentacle();

        // No volume has this much free, so the real Tentacle is low on disk space whatever this machine has.
        HealthCheckResult result = checkerFlaggingLessThan(Long.MAX_VALUE).check(machine, RetryPolicy.defaults());

        assertThat(result.status()).isEqualTo(HealthStatus.UNHEALTHY);
        assertThat(result.freeDiskBytes()).isNotNull().isPositive();
        assertThat(result.reason()).contains("Low disk space", result.freeDiskBytes() + " bytes", "is free",
                home.resolve(TentacleServices.WORK_DIRECTORY).toAbsolutePath().toString(), "8.0 EiB",
                "Free space on that volume", "clean the Work directory");
        assertThat(result.agentVersion()).isNotNull();
        assertThat(result.capabilities()).contains("ScriptServiceV2");
    }

    @Test
    void lessFreeSpaceThanTheDefaultOfOneGibibyteIsUnhealthyAndShownInBinaryUnits() {
        Machine machine = listeningAgent(new Agent("1.2.3", List.of("ScriptServiceV2"),
                new DiskSpace("/etc/octopus/Tentacle/instances/Tentacle/Work", 1023 * MIB, 50 * GIB)));

        HealthCheckResult result = checker().check(machine, RetryPolicy.defaults());

        assertThat(HealthChecker.DEFAULT_LOW_DISK_SPACE_BYTES).isEqualTo(GIB);
        assertThat(result.status()).isEqualTo(HealthStatus.UNHEALTHY);
        assertThat(result.freeDiskBytes()).isEqualTo(1023 * MIB);
        assertThat(result.reason()).startsWith("Low disk space: only 1023.0 MiB (1072693248 bytes) of 50.0 GiB is free "
                + "on the volume that holds /etc/octopus/Tentacle/instances/Tentacle/Work, less than the 1.0 GiB a healthy "
                + "machine needs");
    }

    @Test
    void exactlyTheThresholdFreeIsHealthyAndRecordsTheFreeSpace() {
        Machine machine = listeningAgent(new Agent("1.2.3", List.of("ScriptServiceV2"),
                new DiskSpace("/etc/octopus/Tentacle/instances/Tentacle/Work", GIB, 50 * GIB)));

        HealthCheckResult result = checker().check(machine, RetryPolicy.defaults());

        assertThat(result.status()).isEqualTo(HealthStatus.HEALTHY);
        assertThat(result.reason()).isNull();
        assertThat(result.freeDiskBytes()).isEqualTo(GIB);
    }

    @Test
    void aThresholdOfZeroNeverFlagsLowDiskSpace() {
        Machine machine = listeningAgent(new Agent("1.2.3", List.of("ScriptServiceV2"), new DiskSpace("/full", 0, 50 * GIB)));

        HealthCheckResult result = checkerFlaggingLessThan(0).check(machine, RetryPolicy.defaults());

        assertThat(result.status()).isEqualTo(HealthStatus.HEALTHY);
        assertThat(result.freeDiskBytes()).isZero();
    }

    @Test
    void anAgentWithoutScriptServicesAndLowOnDiskSpaceGivesBothReasons() {
        Machine machine = listeningAgent(new Agent("1.0.0", List.of("CapabilitiesService"), new DiskSpace("/w", 10 * MIB, 0)));

        HealthCheckResult result = checker().check(machine, RetryPolicy.defaults());

        assertThat(result.status()).isEqualTo(HealthStatus.UNHEALTHY);
        assertThat(result.reason()).contains("no script service", "only 10.0 MiB (10485760 bytes) is free on the volume that holds /w");
        assertThat(result.freeDiskBytes()).isEqualTo(10 * MIB);
    }

    @Test
    void anAgentThatDoesNotReportDiskSpaceIsHealthyWithFreeSpaceUnknown() {
        Machine machine = listeningAgent(new Agent("1.2.3", List.of("ScriptServiceV2")));

        HealthCheckResult result = checker().check(machine, RetryPolicy.defaults());

        assertThat(result.status()).isEqualTo(HealthStatus.HEALTHY);
        assertThat(result.freeDiskBytes()).isNull();
    }

    @Test
    void refusesANegativeLowDiskSpaceThreshold() {
        server = CommsRuntime.builder(CertificateFixtures.server()).options(OPTIONS).build();

        assertThatIllegalArgumentException().isThrownBy(() -> checkerFlaggingLessThan(-1))
                .withMessageContaining("use 0 to never flag low disk space");
    }

    @Test
    void showsBytesInBinaryUnits() {
        assertThat(HealthChecker.humanBytes(0)).isEqualTo("0 bytes");
        assertThat(HealthChecker.humanBytes(1)).isEqualTo("1 byte");
        assertThat(HealthChecker.humanBytes(1023)).isEqualTo("1023 bytes");
        assertThat(HealthChecker.humanBytes(1024)).isEqualTo("1.0 KiB");
        assertThat(HealthChecker.humanBytes(1536)).isEqualTo("1.5 KiB");
        assertThat(HealthChecker.humanBytes(MIB - 1)).isEqualTo("1.0 MiB");
        assertThat(HealthChecker.humanBytes(812 * MIB + MIB / 2)).isEqualTo("812.5 MiB");
        assertThat(HealthChecker.humanBytes(GIB)).isEqualTo("1.0 GiB");
        assertThat(HealthChecker.humanBytes(Long.MAX_VALUE)).isEqualTo("8.0 EiB");
    }

    @Test
    void aPollingAgentIsCheckedThroughItsSubscription() {
        server = CommsRuntime.builder(CertificateFixtures.server()).options(OPTIONS)
                .trust(TrustList.of(CertificateFixtures.tentacle().thumbprints().sha256())).build();
        int port = server.listen(new InetSocketAddress("127.0.0.1", 0), "Octopus Server polling endpoint");
        agent = CommsRuntime.builder(CertificateFixtures.tentacle()).options(OPTIONS)
                .service(CapabilitiesService.class, new Agent("2.0.0", List.of("ScriptService"))).build();
        agent.poll("web01-subscription", ServiceEndpoint.listening("127.0.0.1", port, CertificateFixtures.server().thumbprints().sha1()));
        Machine machine = machine(CommunicationStyle.POLLING, URI.create("poll://web01-subscription/"),
                CertificateFixtures.tentacle().thumbprints().sha1());
        await().atMost(Duration.ofSeconds(30)).until(() -> server.connectedSubscribers("web01-subscription") > 0);

        HealthCheckResult result = checker().check(machine, RetryPolicy.defaults());

        assertThat(result.status()).isEqualTo(HealthStatus.HEALTHY);
        assertThat(result.agentVersion()).isEqualTo("2.0.0");
    }

    @Test
    void anAgentWithoutScriptServicesIsUnhealthyAndSaysWhy() {
        Machine machine = listeningAgent(new Agent("1.0.0", List.of("CapabilitiesService")));

        HealthCheckResult result = checker().check(machine, RetryPolicy.defaults());

        assertThat(result.status()).isEqualTo(HealthStatus.UNHEALTHY);
        assertThat(result.reason()).contains("no script service");
    }

    @Test
    void anOlderAgentWithoutCapabilitiesIsHealthyWithScriptServiceV1Assumed() {
        Machine machine = listeningAgent(null);

        HealthCheckResult result = checker().check(machine, RetryPolicy.defaults());

        assertThat(result.status()).isEqualTo(HealthStatus.HEALTHY);
        assertThat(result.agentVersion()).isEqualTo(HealthChecker.UNKNOWN_VERSION);
        assertThat(result.capabilities()).containsExactly("ScriptService");
        assertThat(result.freeDiskBytes()).isNull();
    }

    @Test
    void anAgentThatCannotBeReachedIsUnavailableWithTheReason() {
        server = CommsRuntime.builder(CertificateFixtures.server()).options(OPTIONS).build();
        int closed = Ports.freeLoopbackPort();
        Machine machine = machine(CommunicationStyle.LISTENING, URI.create("https://127.0.0.1:" + closed + "/"),
                CertificateFixtures.tentacle().thumbprints().sha256());

        HealthCheckResult result = checker().check(machine, RetryPolicy.disabled());

        assertThat(result.status()).isEqualTo(HealthStatus.UNAVAILABLE);
        assertThat(result.reason()).startsWith("[CONNECTION_REFUSED] ").contains("127.0.0.1:" + closed);
        assertThat(HealthProblem.of(result)).containsExactly(HealthProblem.CONNECTION_REFUSED);
    }

    @Test
    void anAgentPresentingAnotherCertificateIsUnavailableNamingBothThumbprints() {
        Machine registered = listeningAgent(new Agent("1.2.3", List.of("ScriptServiceV2")));
        Thumbprint wrong = CertificateFixtures.other().thumbprints().sha1();
        Machine machine = machine(CommunicationStyle.LISTENING, registered.uri(), wrong);

        HealthCheckResult result = checker().check(machine, RetryPolicy.defaults());

        assertThat(result.status()).isEqualTo(HealthStatus.UNAVAILABLE);
        assertThat(result.reason()).startsWith("[TENTACLE_NOT_TRUSTED] This server does not trust the certificate the"
                + " Tentacle presented.").contains(wrong.hex(), CertificateFixtures.tentacle().thumbprints().sha1().hex());
        assertThat(HealthProblem.of(result)).containsExactly(HealthProblem.TENTACLE_NOT_TRUSTED);
    }

    @Test
    void anAgentThatDoesNotTrustThisServerIsUnavailableSayingThatTheTentacleRefusedIt() {
        CommsRuntime.Builder builder = CommsRuntime.builder(CertificateFixtures.tentacle()).options(OPTIONS)
                .trust(TrustList.of(CertificateFixtures.other().thumbprints().sha1()))
                .service(CapabilitiesService.class, new Agent("1.2.3", List.of("ScriptServiceV2")));
        agent = builder.build();
        int port = agent.listen(new InetSocketAddress("127.0.0.1", 0), "Tentacle listening endpoint");
        server = CommsRuntime.builder(CertificateFixtures.server()).options(OPTIONS).build();
        Machine machine = machine(CommunicationStyle.LISTENING, URI.create("https://127.0.0.1:" + port + "/"),
                CertificateFixtures.tentacle().thumbprints().sha256());

        HealthCheckResult result = checker().check(machine, RetryPolicy.disabled());

        assertThat(result.status()).isEqualTo(HealthStatus.UNAVAILABLE);
        assertThat(result.reason()).startsWith("[SERVER_NOT_TRUSTED] The Tentacle does not trust this server's"
                + " certificate.");
        assertThat(HealthProblem.of(result)).containsExactly(HealthProblem.SERVER_NOT_TRUSTED);
    }

    @Test
    void aPortHeldByAProgramThatIsNotATentacleIsAProtocolError() throws IOException {
        try (java.net.ServerSocket other = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            Thread.ofVirtual().start(() -> {
                try (java.net.Socket socket = other.accept()) {
                    socket.getOutputStream().write("SSH-2.0-OpenSSH_9.6\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                    socket.getOutputStream().flush();
                    socket.getInputStream().read(new byte[1024]);
                } catch (IOException e) {
                    // The check closed the connection.
                }
            });
            server = CommsRuntime.builder(CertificateFixtures.server()).options(OPTIONS).build();
            Machine machine = machine(CommunicationStyle.LISTENING, URI.create("https://127.0.0.1:" + other.getLocalPort()
                    + "/"), CertificateFixtures.tentacle().thumbprints().sha256());

            HealthCheckResult result = checker().check(machine, RetryPolicy.disabled());

            assertThat(result.status()).isEqualTo(HealthStatus.UNAVAILABLE);
            assertThat(HealthProblem.of(result)).containsExactly(HealthProblem.PROTOCOL_ERROR);
        }
    }
}

package dev.tentacle.server.machines;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tentacle.comms.CommsRuntime;
import dev.tentacle.comms.TrustList;
import dev.tentacle.contracts.capabilities.CapabilitiesResponse;
import dev.tentacle.contracts.capabilities.CapabilitiesService;
import dev.tentacle.contracts.capabilities.DiskSpace;
import dev.tentacle.server.storage.Storage;
import dev.tentacle.server.storage.StorageConfiguration;
import dev.tentacle.server.storage.health.HealthCheckResult;
import dev.tentacle.server.storage.health.HealthStatus;
import dev.tentacle.server.storage.machines.Machine;
import dev.tentacle.server.storage.machines.NewMachine;
import dev.tentacle.testing.certificates.CertificateFixtures;
import dev.tentacle.testing.net.Ports;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 120, unit = TimeUnit.SECONDS)
class HealthCheckRunnerTest {
    private static final long GIB = 1L << 30;

    @TempDir
    Path database;

    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    private int startAgent(String version, long freeDiskBytes) {
        CapabilitiesService capabilities = () -> new CapabilitiesResponse(version, List.of("CapabilitiesService", "ScriptServiceV2"),
                new DiskSpace("/etc/octopus/Tentacle/instances/Tentacle/Work", freeDiskBytes, 100 * GIB));
        CommsRuntime agent = CommsRuntime.builder(CertificateFixtures.tentacle())
                .trust(TrustList.of(CertificateFixtures.server().thumbprints().sha1()))
                .service(CapabilitiesService.class, capabilities).build();
        open.add(agent);
        return agent.listen(new InetSocketAddress("127.0.0.1", 0), "Tentacle listening endpoint");
    }

    @Test
    void checksEveryMachineWithABoundRecordsTheHistoryAndReportsEachResult() throws Exception {
        Storage storage = Storage.open(StorageConfiguration.h2In(database, "sa", ""));
        open.add(storage);
        CommsRuntime server = CommsRuntime.builder(CertificateFixtures.server()).build();
        open.add(server);
        var thumbprint = CertificateFixtures.tentacle().thumbprints().sha256();
        List<Machine> machines = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            int port = startAgent("1.0." + i, (i + 2) * GIB);
            machines.add(storage.machines().add(NewMachine.listening("web0" + i, URI.create("https://127.0.0.1:" + port + "/"), thumbprint)));
        }
        // The default policy retries for 2 min 30 s; the unreachable machine has a policy without retries.
        var noRetries = storage.machinePolicies().add(dev.tentacle.server.storage.machines.MachinePolicySettings
                .defaults("No retries").withRpcRetryEnabled(false));
        machines.add(storage.machines().add(NewMachine.listening("gone", URI.create("https://127.0.0.1:" + Ports.freeLoopbackPort() + "/"),
                thumbprint).withPolicy(noRetries.settings().name())));
        List<HealthCheckResult> reported = new CopyOnWriteArrayList<>();
        HealthCheckRunner runner = new HealthCheckRunner(new HealthChecker(server, Clock.systemUTC()), storage, 2);

        List<HealthCheckResult> results = runner.checkAll(machines, reported::add);

        assertThat(results).hasSize(6);
        assertThat(results.subList(0, 5)).allSatisfy(r -> assertThat(r.status()).isEqualTo(HealthStatus.HEALTHY));
        assertThat(results.getLast().status()).isEqualTo(HealthStatus.UNAVAILABLE);
        assertThat(results.getLast().reason()).contains("CONNECTION_REFUSED");
        assertThat(reported).hasSize(6);
        assertThat(storage.healthChecks().latestOfEachMachine()).hasSize(6);
        assertThat(storage.healthChecks().latest(machines.getFirst().id())).hasValueSatisfying(r -> {
            assertThat(r.agentVersion()).isEqualTo("1.0.0");
            assertThat(r.freeDiskBytes()).isEqualTo(2 * GIB);
        });
        assertThat(storage.healthChecks().latest(machines.get(4).id()))
                .hasValueSatisfying(r -> assertThat(r.freeDiskBytes()).isEqualTo(6 * GIB));
        assertThat(storage.healthChecks().latest(machines.getLast().id()))
                .hasValueSatisfying(r -> assertThat(r.freeDiskBytes()).isNull());
    }

    @Test
    void refusesAnUnboundedOrEmptyConcurrency() {
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> new HealthCheckRunner(null, null, 0))
                .withMessageContaining("At least one");
    }
}

package dev.tentacle.server.machines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tentacle.comms.CommsOptions;
import dev.tentacle.comms.CommsRuntime;
import dev.tentacle.comms.ServiceEndpoint;
import dev.tentacle.comms.Thumbprint;
import dev.tentacle.comms.TrustList;
import dev.tentacle.comms.retry.RetryPolicy;
import dev.tentacle.contracts.capabilities.CapabilitiesResponse;
import dev.tentacle.contracts.capabilities.CapabilitiesService;
import dev.tentacle.contracts.scripts.ScriptServiceV2;
import dev.tentacle.instances.config.CommunicationStyle;
import dev.tentacle.server.storage.health.HealthCheckResult;
import dev.tentacle.server.storage.health.HealthStatus;
import dev.tentacle.server.storage.machines.Machine;
import dev.tentacle.server.storage.machines.MachineId;
import dev.tentacle.testing.certificates.CertificateFixtures;
import dev.tentacle.testing.net.Ports;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HealthCheckerTest {
    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private static final CommsOptions OPTIONS = CommsOptions.builder()
            .pollingReconnect(Duration.ofMillis(50), Duration.ofMillis(200)).pickupTimeout(Duration.ofSeconds(2)).build();

    private CommsRuntime server;
    private CommsRuntime agent;

    private record Agent(String version, List<String> services) implements CapabilitiesService {
        @Override
        public CapabilitiesResponse getCapabilities() {
            return new CapabilitiesResponse(version, services);
        }
    }

    @AfterEach
    void close() {
        if (agent != null) {
            agent.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private HealthChecker checker() {
        return new HealthChecker(server, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static Machine machine(CommunicationStyle style, URI uri, Thumbprint thumbprint) {
        return new Machine(new MachineId(7), "web01", style, uri, thumbprint, List.of("Production"), List.of("web"), List.of(),
                "Default Machine Policy", NOW);
    }

    private Machine listeningAgent(CapabilitiesService capabilities) {
        CommsRuntime.Builder builder = CommsRuntime.builder(CertificateFixtures.tentacle()).options(OPTIONS)
                .trust(TrustList.of(CertificateFixtures.server().thumbprints().sha1()));
        if (capabilities != null) {
            builder.service(CapabilitiesService.class, capabilities);
        } else {
            builder.service(Runnable.class, () -> { });
        }
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
    }

    @Test
    void anAgentThatCannotBeReachedIsUnavailableWithTheReason() {
        server = CommsRuntime.builder(CertificateFixtures.server()).options(OPTIONS).build();
        int closed = Ports.freeLoopbackPort();
        Machine machine = machine(CommunicationStyle.LISTENING, URI.create("https://127.0.0.1:" + closed + "/"),
                CertificateFixtures.tentacle().thumbprints().sha256());

        HealthCheckResult result = checker().check(machine, RetryPolicy.disabled());

        assertThat(result.status()).isEqualTo(HealthStatus.UNAVAILABLE);
        assertThat(result.reason()).contains("CONNECTION_REFUSED", "127.0.0.1:" + closed);
    }

    @Test
    void anAgentPresentingAnotherCertificateIsUnavailableNamingBothThumbprints() {
        Machine registered = listeningAgent(new Agent("1.2.3", List.of("ScriptServiceV2")));
        Thumbprint wrong = CertificateFixtures.other().thumbprints().sha1();
        Machine machine = machine(CommunicationStyle.LISTENING, registered.uri(), wrong);

        HealthCheckResult result = checker().check(machine, RetryPolicy.defaults());

        assertThat(result.status()).isEqualTo(HealthStatus.UNAVAILABLE);
        assertThat(result.reason()).contains("UNTRUSTED_PEER", wrong.hex(), CertificateFixtures.tentacle().thumbprints().sha1().hex());
    }
}

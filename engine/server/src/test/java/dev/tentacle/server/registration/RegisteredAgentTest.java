package dev.tentacle.server.registration;

import static dev.tentacle.server.registration.TentacleCommandLine.INSTANCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tentacle.comms.CommsOptions;
import dev.tentacle.comms.CommsRuntime;
import dev.tentacle.comms.Thumbprint;
import dev.tentacle.comms.TrustList;
import dev.tentacle.comms.retry.RetryPolicy;
import dev.tentacle.server.machines.HealthChecker;
import dev.tentacle.server.storage.health.HealthCheckResult;
import dev.tentacle.server.storage.health.HealthStatus;
import dev.tentacle.server.storage.machines.Machine;
import dev.tentacle.tentacle.agent.TentacleAgent;
import dev.tentacle.testing.certificates.CertificateFixtures;
import dev.tentacle.testing.net.Ports;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole path, for both styles: {@code register-with}, then the real agent started with {@code tentacle run}, and
 * the server reaching it through the machine it stored. For polling, the agent polls the server's comms port with the
 * subscription the server registered; for listening, it accepts the server because it now trusts its certificate.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class RegisteredAgentTest {
    static final CommsOptions OPTIONS = CommsOptions.builder()
            .pollingReconnect(Duration.ofMillis(50), Duration.ofMillis(200)).pickupTimeout(Duration.ofSeconds(10)).build();

    @TempDir
    Path directory;

    @Test
    void theServerReachesTheListeningAgentAtTheRegisteredAddress() throws Exception {
        TentacleCommandLine tentacle = TentacleCommandLine.withInstance(directory.resolve("registry"));
        int listenPort = Ports.freeLoopbackPort();
        tentacle.ok("configure", "--instance", INSTANCE, "--port", String.valueOf(listenPort), "--listenIpAddress",
                "127.0.0.1");
        CompletableFuture<TentacleAgent> agent = new CompletableFuture<>();
        tentacle.agentLifecycle(agent::complete);

        try (RegistrationServer server = new RegistrationServer(directory.resolve("server"), 10943);
             CommsRuntime comms = CommsRuntime.builder(CertificateFixtures.server()).options(OPTIONS).build()) {
            tentacle.ok("register-with", "--instance", INSTANCE, "--server", server.url(), "--apiKey", server.apiKey,
                    "--name", "web01", "--publicHostName", "127.0.0.1");
            Machine machine = server.storage.machines().findByName("web01").orElseThrow();

            CompletableFuture<TentacleCommandLine.Result> run = CompletableFuture.supplyAsync(
                    () -> tentacle.run("run", "--instance", INSTANCE));
            try {
                assertThat(agent.get(60, TimeUnit.SECONDS).listeningPort()).isEqualTo(listenPort);

                HealthCheckResult health = new HealthChecker(comms, Clock.systemUTC()).check(machine, RetryPolicy.defaults());

                assertThat(health.status()).as(health.toString()).isEqualTo(HealthStatus.HEALTHY);
            } finally {
                agent.thenAccept(TentacleAgent::close);
                assertThat(run.get(60, TimeUnit.SECONDS).exitCode()).isZero();
            }
        }
    }

    @Test
    void theAgentPollsWithTheSubscriptionTheServerRegistered() throws Exception {
        TentacleCommandLine tentacle = TentacleCommandLine.withInstance(directory.resolve("registry"));
        tentacle.ok("configure", "--instance", INSTANCE, "--noListen", "true");
        Thumbprint tentacleThumbprint = Thumbprint.parse(tentacle.thumbprints().get("sha256").asText());
        CompletableFuture<TentacleAgent> agent = new CompletableFuture<>();
        tentacle.agentLifecycle(agent::complete);

        CommsOptions options = OPTIONS;
        try (CommsRuntime comms = CommsRuntime.builder(CertificateFixtures.server()).options(options)
                .trust(TrustList.of(tentacleThumbprint)).build()) {
            int pollingPort = comms.listen(new InetSocketAddress("127.0.0.1", 0), "Octopus Server polling endpoint");
            try (RegistrationServer server = new RegistrationServer(directory.resolve("server"), pollingPort)) {
                tentacle.ok("register-with", "--instance", INSTANCE, "--server", server.url(), "--apiKey", server.apiKey,
                        "--server-thumbprint", server.thumbprints().sha256().hex(), "--name", "db01",
                        "--comms-style", "TentacleActive");
                Machine machine = server.storage.machines().findByName("db01").orElseThrow();
                String subscription = machine.uri().getHost();

                CompletableFuture<TentacleCommandLine.Result> run = CompletableFuture.supplyAsync(
                        () -> tentacle.run("run", "--instance", INSTANCE));
                try {
                    TentacleAgent running = agent.get(60, TimeUnit.SECONDS);
                    assertThat(running.polling()).containsExactly(
                            "https://127.0.0.1:" + pollingPort + "/ as poll://" + subscription + "/");
                    await().atMost(Duration.ofSeconds(30)).until(() -> comms.connectedSubscribers(subscription) > 0);

                    HealthCheckResult health = new HealthChecker(comms, Clock.systemUTC()).check(machine,
                            RetryPolicy.defaults());

                    assertThat(health.status()).as(health.toString()).isEqualTo(HealthStatus.HEALTHY);
                } finally {
                    agent.thenAccept(TentacleAgent::close);
                    assertThat(run.get(60, TimeUnit.SECONDS).exitCode()).isZero();
                }
            }
        }
    }
}

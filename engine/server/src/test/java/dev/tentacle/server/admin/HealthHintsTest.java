package dev.tentacle.server.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tentacle.comms.CertificateThumbprints;
import dev.tentacle.comms.Thumbprint;
import dev.tentacle.instances.config.CommunicationStyle;
import dev.tentacle.server.config.ServerConfiguration;
import dev.tentacle.server.machines.HealthProblem;
import dev.tentacle.server.storage.health.HealthCheckResult;
import dev.tentacle.server.storage.machines.Machine;
import dev.tentacle.server.storage.machines.MachineId;
import dev.tentacle.testing.certificates.CertificateFixtures;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HealthHintsTest {
    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private static final CertificateThumbprints SERVER = CertificateFixtures.server().thumbprints();
    private static final Thumbprint TENTACLE = CertificateFixtures.tentacle().thumbprints().sha256();
    private static final MachineId ID = new MachineId(3);

    private final HealthHints hints = new HealthHints(SERVER, 10999);

    @TempDir
    Path temp;

    private static Machine listening(String uri) {
        return new Machine(ID, "web01", CommunicationStyle.LISTENING, URI.create(uri), TENTACLE, List.of(), List.of(),
                List.of(), "Default Machine Policy", NOW);
    }

    private static Machine polling() {
        return new Machine(ID, "db01", CommunicationStyle.POLLING, URI.create("poll://x7k2m9qp4w/"), TENTACLE, List.of(),
                List.of(), List.of(), "Default Machine Policy", NOW);
    }

    private static HealthCheckResult unavailable(String reason) {
        return HealthCheckResult.unavailable(ID, NOW, reason);
    }

    @Test
    void everyProblemHasAHintWithATitleAndAdvice() {
        Machine machine = listening("https://web01.example.com:10933/");

        assertThat(Arrays.stream(HealthProblem.values()).map(problem -> hints.hint(problem, machine)))
                .allSatisfy(hint -> {
                    assertThat(hint.title()).isNotBlank().doesNotEndWith(".");
                    assertThat(hint.advice()).isNotBlank().endsWith(".");
                    assertThat(hint.text()).isEqualTo(hint.title() + ". " + hint.advice());
                });
    }

    @Test
    void aTentacleWhoseCertificateIsNotTheRegisteredOneIsToldToCompareItsThumbprintWithTheRegisteredOne() {
        Machine machine = listening("https://web01.example.com:10933/");

        HealthHint hint = hints.forResult(machine, unavailable("[TENTACLE_NOT_TRUSTED] This server does not trust"))
                .getFirst();

        assertThat(hint.problem()).isEqualTo(HealthProblem.TENTACLE_NOT_TRUSTED);
        assertThat(hint.title()).isEqualTo("This server does not trust the Tentacle's certificate");
        assertThat(hint.advice()).contains("web01.example.com:10933", TENTACLE.hex(), "tentacle show-thumbprint",
                "remove the machine and add it again");
    }

    @Test
    void aTentacleThatDoesNotTrustTheServerIsToldToTrustThisServersThumbprint() {
        HealthHint hint = hints.forResult(listening("https://web01:10933/"),
                unavailable("[SERVER_NOT_TRUSTED] The Tentacle does not trust this server's certificate.")).getFirst();

        assertThat(hint.title()).isEqualTo("The Tentacle does not trust this server's certificate");
        assertThat(hint.advice()).contains("tentacle configure --instance NAME --trust " + SERVER.sha1().hex(),
                SERVER.sha256().hex(), "restart the Tentacle");
    }

    @Test
    void aPollingTentacleThatDoesNotTrustTheServerIsToldToPollItWithItsThumbprint() {
        HealthHint hint = hints.hint(HealthProblem.SERVER_NOT_TRUSTED, polling());

        assertThat(hint.advice()).contains("tentacle poll-server --instance NAME --server-comms-address"
                + " https://THIS-SERVER:10999/ --thumbprint " + SERVER.sha1().hex());
    }

    @Test
    void anUntrustedCertificateRecordedBeforeTheSidesWereToldApartGetsBothWays() {
        HealthHint hint = hints.forResult(listening("https://web01:10933/"), unavailable("[UNTRUSTED_PEER] The server"
                + " at web01:10933 presented a certificate with thumbprint ...")).getFirst();

        assertThat(hint.problem()).isEqualTo(HealthProblem.UNTRUSTED_PEER);
        assertThat(hint.advice()).startsWith("Check the thumbprints both ways.")
                .contains("tentacle show-thumbprint", "--trust " + SERVER.sha1().hex());
    }

    @Test
    void aHostThatDoesNotResolveIsToldToTryTheIpAddress() {
        HealthHint hint = hints.forResult(listening("https://web01.example.com:10933/"),
                unavailable("[DNS_FAILURE] The host name 'web01.example.com' could not be resolved")).getFirst();

        assertThat(hint.title()).isEqualTo("The host name web01.example.com does not resolve");
        assertThat(hint.advice()).contains("https://IP-ADDRESS:10933/", "DNS is the problem");
    }

    @Test
    void nothingListeningPointsAtTheServiceAndAtAnotherProcessHoldingThePort() {
        HealthHint hint = hints.forResult(listening("https://web01:10955/"),
                unavailable("[CONNECTION_REFUSED] Nothing accepted a connection")).getFirst();

        assertThat(hint.title()).isEqualTo("Nothing is listening at web01:10955");
        assertThat(hint.advice()).contains("Is the Tentacle running?", "https://localhost:10955/",
                "ss -ltnp 'sport = :10955'", "netstat -o -n -a -b", "firewall");
    }

    @Test
    void aProgramThatIsNotATentacleOnThePortIsNamedAsSuch() {
        HealthHint hint = hints.hint(HealthProblem.PROTOCOL_ERROR, listening("https://web01:22/"));

        assertThat(hint.title()).isEqualTo("Something other than a Tentacle answers at web01:22");
        assertThat(hint.advice()).contains("Another program holds port 22", "ss -ltnp 'sport = :22'");
    }

    @Test
    void aProxyInjectingHttpAndTlsTerminatedOnTheWayHaveTheirOwnHints() {
        Machine machine = listening("https://web01:10933/");

        assertThat(hints.forReason(machine, "[PROXY_OR_FIREWALL_IN_PATH] Unknown identity 'HTTP/1.0 200 OK'"))
                .hasValueSatisfying(hint -> assertThat(hint.advice()).contains("unknown identity 'HTTP/1.0'",
                        "HTTP CONNECT proxy"));
        assertThat(hints.forReason(machine, "[TLS_HANDSHAKE_FAILED] The TLS handshake failed"))
                .hasValueSatisfying(hint -> assertThat(hint.advice()).contains("SSL offloading", "end to end",
                        TENTACLE.hex()));
        assertThat(hints.forReason(machine, "[TLS_VERSION_MISMATCH] share no TLS version"))
                .hasValueSatisfying(hint -> assertThat(hint.advice()).contains("TLS 1.2"));
    }

    @Test
    void aTimeoutPointsAtFirewallsAndTheAddress() {
        HealthHint hint = hints.hint(HealthProblem.TIMEOUT, listening("https://10.0.0.9:10933/"));

        assertThat(hint.title()).isEqualTo("Connecting to 10.0.0.9:10933 timed out");
        assertThat(hint.advice()).contains("firewall", "port 10933", "security groups", "10.0.0.9");
    }

    @Test
    void aPollingTentacleThatDoesNotCollectItsRequestIsToldWhatToCheckOnItsMachine() {
        HealthHint hint = hints.forResult(polling(), unavailable("[PICKUP_TIMEOUT] No connection collected")).getFirst();

        assertThat(hint.advice()).contains("port 10999", "tentacle show-configuration", SERVER.sha1().hex(),
                "https://THIS-SERVER:10999/");
    }

    @Test
    void anUnhealthyMachineLowOnDiskSpaceGetsTheDiskHint() {
        HealthCheckResult low = HealthCheckResult.unhealthy(ID, NOW, "Low disk space: only 10.0 MiB", Duration.ofMillis(3),
                "1.0.0", List.of("ScriptServiceV2"), 10L << 20);

        assertThat(hints.forResult(listening("https://web01:10933/"), low)).extracting(HealthHint::problem)
                .containsExactly(HealthProblem.LOW_DISK_SPACE);
    }

    @Test
    void anAgentWithoutScriptServicesAndLowOnDiskGetsBothHints() {
        HealthCheckResult both = HealthCheckResult.unhealthy(ID, NOW, "no script service. Low disk space",
                Duration.ofMillis(3), "1.0.0", List.of("CapabilitiesService"), 10L << 20);

        assertThat(hints.forResult(listening("https://web01:10933/"), both)).extracting(HealthHint::problem)
                .containsExactly(HealthProblem.NO_SCRIPT_SERVICE, HealthProblem.LOW_DISK_SPACE);
    }

    @Test
    void aHealthyMachineGetsNoHint() {
        HealthCheckResult healthy = HealthCheckResult.healthy(ID, NOW, Duration.ofMillis(3), "1.0.0",
                List.of("ScriptServiceV2"), 50L << 30);

        assertThat(hints.forResult(listening("https://web01:10933/"), healthy)).isEmpty();
    }

    @Test
    void aReasonIsReadFromItsFirstKnownCodeWhereverItStands() {
        assertThat(HealthProblem.ofReason("web01 is UNAVAILABLE: [TIMEOUT] Connecting timed out"))
                .isEqualTo(HealthProblem.TIMEOUT);
        assertThat(HealthProblem.ofReason("[NOT_A_CODE] then [SERVICE_NOT_FOUND] no such service"))
                .isEqualTo(HealthProblem.VERSION_MISMATCH);
        assertThat(HealthProblem.ofReason("Server node n1 stopped while this ran; run the task again."))
                .isEqualTo(HealthProblem.OTHER);
        assertThat(HealthProblem.ofReason(null)).isEqualTo(HealthProblem.OTHER);
        assertThat(hints.forReason(null, "no code here")).isEmpty();
    }

    @Test
    void withoutAMachineOrAServerCertificateTheHintUsesPlaceholders() {
        HealthHint hint = HealthHints.generic().hint(HealthProblem.SERVER_NOT_TRUSTED, null);

        assertThat(hint.advice()).contains("SERVER-THUMBPRINT (octopus-server show-thumbprint)",
                "--trust SERVER-THUMBPRINT");
        assertThat(HealthHints.generic().hint(HealthProblem.CONNECTION_REFUSED, null).title())
                .isEqualTo("Nothing is listening at HOST:10933");
    }

    @Test
    void forAnInstanceItUsesItsThumbprintsAndPollingPortAndPlaceholdersWhenItHasNoCertificate() {
        Path config = temp.resolve("OctopusServer.config.json");
        ServerConfiguration.store().write(config, ServerConfiguration.defaults(temp.resolve("home"))
                .withCommsListenPort(10977));
        ServerInstance instance = new ServerInstance("Test", config);

        HealthHint before = HealthHints.forInstance(instance).hint(HealthProblem.PICKUP_TIMEOUT, polling());
        instance.update(c -> instance.certificates().newCertificate(c, false));
        CertificateThumbprints thumbprints = instance.certificates().load(instance.configuration()).thumbprints();
        HealthHint after = HealthHints.forInstance(instance).hint(HealthProblem.PICKUP_TIMEOUT, polling());

        assertThat(before.advice()).contains("port 10977", "octopus-server show-thumbprint");
        assertThat(after.advice()).contains("port 10977", thumbprints.sha1().hex());
        assertThat(HealthHints.forInstance(new ServerInstance("Missing", temp.resolve("missing.json")))
                .hint(HealthProblem.PICKUP_TIMEOUT, polling()).advice()).contains("port 10943");
    }
}

package dev.tentacle.server.registration;

import static dev.tentacle.server.registration.TentacleCommandLine.INSTANCE;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.tentacle.comms.CommsRuntime;
import dev.tentacle.comms.certificates.CertificateIdentity;
import dev.tentacle.server.registration.TentacleCommandLine.Result;
import dev.tentacle.server.storage.Storage;
import dev.tentacle.server.storage.StorageConfiguration;
import dev.tentacle.server.storage.machines.MachineFilter;
import dev.tentacle.server.storage.machines.NewMachine;
import dev.tentacle.testing.certificates.CertificateFixtures;
import dev.tentacle.testing.net.PlainHttpServer;
import dev.tentacle.testing.net.Ports;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each way {@code tentacle register-with} can fail, against real servers and real network failures: one clear line
 * on standard error with its code, exit code 1, and nothing changed on either side.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class RegisterWithErrorsTest {
    @TempDir
    Path directory;
    RegistrationServer server;
    TentacleCommandLine tentacle;

    @BeforeEach
    void start() {
        server = new RegistrationServer(directory.resolve("server"), 10943);
        tentacle = TentacleCommandLine.withInstance(directory.resolve("registry"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    Result register(String serverUrl, String... more) {
        List<String> args = new ArrayList<>(List.of("register-with", "--instance", INSTANCE, "--server", serverUrl,
                "--name", "web01", "--publicHostName", "web01.example.com"));
        args.addAll(List.of(more));
        if (!args.contains("--apiKey") && !args.contains("--username")) {
            args.addAll(List.of("--apiKey", server.apiKey));
        }
        return tentacle.run(args.toArray(String[]::new));
    }

    /** Exit 1, one line on standard error with the code, no output, and nothing changed on the Tentacle. */
    void assertFailed(Result result, String code) {
        assertThat(result.exitCode()).as(result.err()).isEqualTo(1);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).startsWith("Error: ").endsWith("[" + code + "]" + System.lineSeparator());
        assertThat(result.err().lines()).hasSize(1);
        assertThat(tentacle.trustedServers()).isEmpty();
    }

    @Test
    void aWrongApiKeyIsRejectedAndSaysHowToCreateOne() {
        Result result = register(server.url(), "--apiKey", "API-WRONGWRONGWRONGWRONGWRONG");

        assertFailed(result, "API_KEY_REJECTED");
        assertThat(result.err()).contains("refused the API key", "octopus-server create-api-key");
        assertThat(server.storage.machines().list(MachineFilter.all())).isEmpty();
    }

    @Test
    void aUserNameAndPasswordAreRefusedWithWhatToUseInstead() {
        Result result = register(server.url(), "--username", "admin", "--password", "secret");

        assertFailed(result, "CREDENTIALS_NOT_SUPPORTED");
        assertThat(result.err()).contains("API keys only", "octopus-server create-api-key", "--apiKey")
                .doesNotContain("secret");
    }

    @Test
    void aServerThatRefusesConnectionsIsReportedWithWhatToCheck() {
        int closedPort = Ports.freeLoopbackPort();

        Result result = register("https://127.0.0.1:" + closedPort + "/");

        assertFailed(result, "CONNECTION_REFUSED");
        assertThat(result.err()).contains("Nothing accepted the connection to 127.0.0.1:" + closedPort,
                "Is the Octopus Server running");
    }

    @Test
    void aHostNameThatDoesNotResolveIsADnsFailure() {
        Result result = register("https://no-such-octopus.invalid:8443/");

        assertFailed(result, "DNS_FAILURE");
        assertThat(result.err()).contains("'no-such-octopus.invalid'", "does not resolve", "IP address");
    }

    @Test
    void aServerWhoseCertificateIsNotThePinnedOneGetsNothing() {
        String pinned = CertificateFixtures.other().thumbprints().sha256().hex();

        Result result = register(server.url(), "--server-thumbprint", pinned);

        assertFailed(result, "SERVER_THUMBPRINT_MISMATCH");
        assertThat(result.err()).contains("presented a certificate with the thumbprint "
                        + server.thumbprints().sha1() + " (SHA-256: " + server.thumbprints().sha256() + ")",
                "not the one given with --server-thumbprint, " + pinned, "Nothing was sent to it, not even the API key",
                "octopus-server show-thumbprint");
        assertThat(server.storage.machines().list(MachineFilter.all())).isEmpty();
    }

    @Test
    void aPinnedSha1ThumbprintIsAcceptedLikeTheSha256One() {
        Result result = register(server.url(), "--server-thumbprint", server.thumbprints().sha1().hex().toLowerCase());

        assertThat(result.exitCode()).as(result.err()).isZero();
    }

    @Test
    void aNameTakenByAnotherTentacleIsAConflictWithoutForce() {
        var other = server.storage.machines().add(NewMachine.listening("web01", URI.create("https://old:10933/"),
                CertificateFixtures.other().thumbprints().sha1()));

        Result result = register(server.url());

        assertFailed(result, "NAME_CONFLICT");
        assertThat(result.err()).contains("already has a machine named 'web01' (" + other.id(), "of another Tentacle",
                "Nothing was changed", "--force", "--name");
        assertThat(server.storage.machines().list(MachineFilter.all())).containsExactly(other);
    }

    @Test
    void anUnknownMachinePolicyIsRefusedNamingIt() {
        Result result = register(server.url(), "--policy", "Nightly");

        assertFailed(result, "REGISTRATION_REFUSED");
        assertThat(result.err()).contains("Machine policy 'Nightly' does not exist");
    }

    @Test
    void aPlainHttpPortIsNotTls() throws IOException {
        try (PlainHttpServer plain = PlainHttpServer.start()) {
            Result result = register("https://127.0.0.1:" + plain.port() + "/");

            assertFailed(result, "NOT_TLS");
            assertThat(result.err()).contains("127.0.0.1:" + plain.port() + " does not speak TLS",
                    "('HTTP/1.1 200 OK')", "web port");
        }
    }

    @Test
    void aPeerThatHangsUpDuringTheHandshakeIsAHandshakeFailure() throws Exception {
        try (ServerSocket hangUp = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            Thread acceptor = Thread.ofVirtual().start(() -> {
                while (!hangUp.isClosed()) {
                    try (Socket socket = hangUp.accept()) {
                        socket.getInputStream().read();
                    } catch (IOException e) {
                        // closed
                    }
                }
            });
            Result result = register("https://127.0.0.1:" + hangUp.getLocalPort() + "/");

            assertFailed(result, "TLS_HANDSHAKE_FAILED");
            assertThat(result.err()).contains("The TLS handshake with 127.0.0.1:" + hangUp.getLocalPort() + " failed",
                    "web port");
            hangUp.close();
            acceptor.join(Duration.ofSeconds(5));
        }
    }

    @Test
    void theServersPollingPortIsNotItsApi() {
        CommsRuntime comms = CommsRuntime.builder(server.identity).build();
        try {
            int port = comms.listen(new InetSocketAddress("127.0.0.1", 0), "Octopus Server polling endpoint");

            Result result = register("https://127.0.0.1:" + port + "/");

            assertFailed(result, "NOT_THE_SERVER_API");
            assertThat(result.err()).contains("not as the Octopus Server's API does", "not its polling port (10943)");
        } finally {
            comms.close();
        }
    }

    @Test
    void aTlsTerminatingProxyIsCaughtBecauseItsCertificateIsNotTheServers() throws Exception {
        // A proxy presents its own certificate but passes on the server's answer, which names the server's certificate.
        String info = """
                {"product":"Octopus Server","version":"1","thumbprints":{"sha1":"%s","sha256":"%s"},"pollingPort":10943}
                """.formatted(server.thumbprints().sha1(), server.thumbprints().sha256());
        HttpsServer proxy = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        proxy.setHttpsConfigurator(new HttpsConfigurator(sslContext(CertificateFixtures.other())));
        List<String> apiKeysSeen = new ArrayList<>();
        proxy.createContext("/", exchange -> {
            apiKeysSeen.add(exchange.getRequestHeaders().getFirst("X-Octopus-ApiKey"));
            byte[] body = info.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        proxy.start();
        try {
            Result result = register("https://127.0.0.1:" + proxy.getAddress().getPort() + "/");

            assertFailed(result, "SERVER_CERTIFICATE_NOT_ITS_OWN");
            assertThat(result.err()).contains("presented the certificate " + CertificateFixtures.other().thumbprints().sha1(),
                    "reports its own as " + server.thumbprints().sha1(), "terminates TLS",
                    "Nothing was sent to it, not even the API key");
            assertThat(apiKeysSeen).containsOnlyNulls().isNotEmpty();
        } finally {
            proxy.stop(0);
        }
    }

    @Test
    void aListeningRegistrationOfATentacleThatDoesNotListenSaysWhatToDo() {
        tentacle.ok("configure", "--instance", INSTANCE, "--noListen", "true");

        Result result = register(server.url());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("does not listen", "--comms-style TentacleActive", "--noListen false");
        assertThat(server.storage.machines().list(MachineFilter.all())).isEmpty();
    }

    @Test
    void aTentacleWithoutACertificateSaysHowToMakeOne() {
        tentacle.ok("create-instance", "--instance", "Bare");

        Result result = tentacle.run("register-with", "--instance", "Bare", "--server", server.url(), "--apiKey",
                server.apiKey, "--name", "bare", "--publicHostName", "bare.example.com");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("has no certificate yet", "tentacle new-certificate --instance Bare");
        assertThat(server.storage.machines().list(MachineFilter.all())).isEmpty();
    }

    @Test
    void aServerWhoseDatabaseIsDownIsStorageUnavailable() throws IOException {
        server.close();
        int port = Ports.freeLoopbackPort();
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setPort(port).start()) {
            server = new RegistrationServer(Storage.open(StorageConfiguration.parse(
                    "jdbc:postgresql://localhost:" + port + "/postgres", "postgres", null)
                    .withConnectionTimeout(Duration.ofSeconds(1))), 10943);
            postgres.close();

            Result result = register(server.url());

            assertFailed(result, "STORAGE_UNAVAILABLE");
            assertThat(result.err()).contains("cannot reach its database", "Nothing was changed", "try again",
                    "Is PostgreSQL running on localhost:" + port);
        }
    }

    private static SSLContext sslContext(CertificateIdentity identity) throws Exception {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        keys.setKeyEntry("proxy", identity.privateKey(), "pw".toCharArray(), new Certificate[] {identity.certificate()});
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(keys, "pw".toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(factory.getKeyManagers(), null, null);
        return context;
    }
}

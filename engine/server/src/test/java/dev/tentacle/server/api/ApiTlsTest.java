package dev.tentacle.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tentacle.testing.certificates.CertificateFixtures;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiTlsTest {

    @TempDir
    Path directory;
    ApiTestServer api;

    @BeforeEach
    void start() {
        api = new ApiTestServer(directory);
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void presentsTheServerCertificate() throws IOException {
        try (SSLSocket socket = (SSLSocket) ApiTestClient.pinnedContext(api.identity.certificate()).getSocketFactory()
                .createSocket("127.0.0.1", api.server.port())) {
            socket.startHandshake();

            assertThat(socket.getSession().getPeerCertificates()[0]).isEqualTo(api.identity.certificate());
            assertThat(socket.getSession().getProtocol()).isIn("TLSv1.3", "TLSv1.2");
        }
    }

    @Test
    void clientPinningAnotherCertificateFailsTheHandshake() {
        ApiTestClient stranger = new ApiTestClient(CertificateFixtures.other().certificate(), api.server.port(),
                api.apiKey);

        assertThatThrownBy(() -> stranger.get("/api"))
                .satisfies(e -> assertThat(e.getCause()).isInstanceOf(SSLHandshakeException.class))
                .hasMessageContaining("unable to find valid certification path");
    }

    @Test
    void refusesTls11() throws IOException {
        try (SSLSocket socket = (SSLSocket) ApiTestClient.pinnedContext(api.identity.certificate()).getSocketFactory()
                .createSocket("127.0.0.1", api.server.port())) {
            socket.setEnabledProtocols(new String[] {"TLSv1.1"});

            assertThatThrownBy(socket::startHandshake).isInstanceOf(SSLHandshakeException.class);
        }
    }

    @Test
    void plainHttpGetsNoHttpAnswer() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", api.server.port())) {
            OutputStream out = socket.getOutputStream();
            out.write("GET /api HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] answer = in.readNBytes(5);

            assertThat(new String(answer, StandardCharsets.ISO_8859_1)).doesNotStartWith("HTTP/");
        }
    }

    @Test
    void portInUseIsReportedWithWhatToDo() {
        ApiServerSettings same = new ApiServerSettings(api.identity, "127.0.0.1", api.server.port(), 10943);

        assertThatThrownBy(() -> ApiServer.start(api.storage, same))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("127.0.0.1:" + api.server.port())
                .hasMessageContaining("another program");
    }

    @Test
    void portZeroPicksAFreePortAndLocalUriUsesIt() {
        assertThat(api.server.port()).isPositive();
        assertThat(api.server.localUri().toString()).isEqualTo("https://localhost:" + api.server.port() + "/api");
    }
}

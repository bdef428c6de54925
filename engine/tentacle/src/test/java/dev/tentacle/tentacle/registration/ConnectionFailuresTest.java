package dev.tentacle.tentacle.registration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tentacle.testing.net.PlainHttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import org.junit.jupiter.api.Test;

/** The plain-text probe that tells a port that does not speak TLS from a TLS port that failed the handshake. */
class ConnectionFailuresTest {

    @Test
    void aPlainHttpServerAnswersInPlainText() throws IOException {
        try (PlainHttpServer plain = PlainHttpServer.start()) {
            assertThat(ConnectionFailures.plainTextAnswer(URI.create("https://127.0.0.1:" + plain.port() + "/")))
                    .contains("HTTP/1.1 200 OK");
        }
    }

    @Test
    void aServerThatAnswersWithBinaryOrNothingIsNotPlainText() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            Thread.ofVirtual().start(() -> {
                try (Socket first = server.accept()) {
                    first.getOutputStream().write(new byte[] {0x15, 0x03, 0x03, 0x00, 0x02, 0x02, 0x28}); // a TLS alert
                } catch (IOException e) {
                    // the test fails on its own
                }
                try (Socket second = server.accept()) {
                    // hangs up without a word
                } catch (IOException e) {
                    // the test fails on its own
                }
            });
            URI address = URI.create("https://127.0.0.1:" + server.getLocalPort() + "/");

            assertThat(ConnectionFailures.plainTextAnswer(address)).isEmpty();
            assertThat(ConnectionFailures.plainTextAnswer(address)).isEmpty();
        }
    }

    @Test
    void anAddressWithoutAPortIsHttpsDefaultPort() {
        assertThat(ConnectionFailures.endpoint(URI.create("https://octopus.example.com/"))).isEqualTo("octopus.example.com:443");
    }
}

package dev.tentacle.testing.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tentacle.testing.net.HttpInterferingServer.Trigger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;

class HttpInterferingServerTest {
    private static final Duration GENEROUS = Duration.ofSeconds(10);
    private static final String BLOCK_PAGE = "HTTP/1.0 403 Forbidden\r\n"
            + "Content-Type: text/html; charset=utf-8\r\n"
            + "Content-Length: " + HttpInterferingServer.DEFAULT_HTML.length() + "\r\n"
            + "Connection: close\r\n"
            + "\r\n"
            + HttpInterferingServer.DEFAULT_HTML;

    @Test
    void sendsTheBlockPageAsSoonAsAClientConnectsAndCloses() throws Exception {
        try (HttpInterferingServer server = HttpInterferingServer.start(Trigger.ON_CONNECT);
                RawClient client = RawClient.connect(server.port())) {
            RawClient.Response answer = client.readUntilClosed(GENEROUS);

            assertThat(answer.text()).isEqualTo(BLOCK_PAGE);
            assertThat(answer.peerClosed()).isTrue();
            assertThat(answer.reset()).isFalse();
            assertThat(server.response()).isEqualTo(BLOCK_PAGE.getBytes(StandardCharsets.UTF_8));
            assertThat(server.connectionCount()).isEqualTo(1);
        }
    }

    @Test
    void sendsTheBlockPageAfterTheClientsFirstBytes() throws Exception {
        try (HttpInterferingServer server = HttpInterferingServer.start(Trigger.AFTER_FIRST_BYTES)) {
            RawClient.Response answer = RawClient.exchange(server.port(), "TENTACLE-PREAMBLE\r\n", GENEROUS);

            assertThat(answer.text()).isEqualTo(BLOCK_PAGE);
            assertThat(answer.peerClosed()).isTrue();
        }
    }

    @Test
    void answersARawClientHelloWithTheBlockPage() throws Exception {
        try (HttpInterferingServer server = HttpInterferingServer.start(Trigger.AFTER_TLS_CLIENT_HELLO)) {
            RawClient.Response answer = RawClient.exchange(server.port(), TlsClients.CLIENT_HELLO_RECORD, GENEROUS);

            assertThat(answer.text()).isEqualTo(BLOCK_PAGE);
            assertThat(server.clientHellosSeen()).isEqualTo(1);
        }
    }

    @Test
    void makesARealTlsClientFailItsHandshake() throws Exception {
        try (HttpInterferingServer server = HttpInterferingServer.start(Trigger.AFTER_TLS_CLIENT_HELLO);
                SSLSocket tls = TlsClients.connect(server.port(), (int) GENEROUS.toMillis())) {
            assertThatThrownBy(tls::startHandshake).isInstanceOf(SSLException.class);
            assertThat(server.clientHellosSeen()).isEqualTo(1);
        }
    }

    @Test
    void sendsACustomPageWithItsLength() throws Exception {
        try (HttpInterferingServer server = HttpInterferingServer.start(Trigger.ON_CONNECT, "<p>blocked</p>")) {
            RawClient.Response answer = RawClient.exchange(server.port(), new byte[0], GENEROUS);

            assertThat(answer.text())
                    .startsWith("HTTP/1.0 403 Forbidden\r\n")
                    .contains("Content-Length: 14\r\n")
                    .endsWith("\r\n\r\n<p>blocked</p>");
            assertThat(answer.bytes()).isEqualTo(HttpInterferingServer.responseFor("<p>blocked</p>"));
        }
    }
}

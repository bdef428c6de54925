package dev.tentacle.testing.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;

class PlainHttpServerTest {
    private static final Duration GENEROUS = Duration.ofSeconds(10);

    @Test
    void answersAnyRequestWith200AndATextBody() throws Exception {
        try (PlainHttpServer server = PlainHttpServer.start()) {
            RawClient.Response answer = RawClient.exchange(
                    server.port(), "GET /anything HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", GENEROUS);

            assertThat(answer.text()).isEqualTo("HTTP/1.1 200 OK\r\n"
                    + "Content-Type: text/plain; charset=utf-8\r\n"
                    + "Content-Length: 32\r\n"
                    + "Connection: close\r\n"
                    + "\r\n"
                    + "Hello from a plain HTTP server.\n");
            assertThat(answer.peerClosed()).isTrue();
            assertThat(server.requestLines()).containsExactly("GET /anything HTTP/1.1");
        }
    }

    @Test
    void servesTheJdkHttpClient() throws Exception {
        try (PlainHttpServer server = PlainHttpServer.start("custom body");
                HttpClient http = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY).build()) {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/status"))
                            .timeout(GENEROUS)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("custom body");
            assertThat(server.requestLines()).containsExactly("GET /status HTTP/1.1");
        }
    }

    @Test
    void answersATlsClientHelloWithPlainText() throws Exception {
        try (PlainHttpServer server = PlainHttpServer.start()) {
            RawClient.Response answer = RawClient.exchange(server.port(), TlsClients.CLIENT_HELLO_RECORD, GENEROUS);

            assertThat(answer.bytes()).isEqualTo(server.response());
            assertThat(server.requestLines()).isEmpty();
            assertThat(server.connectionCount()).isEqualTo(1);
        }
    }

    @Test
    void makesARealTlsClientFailItsHandshake() throws Exception {
        try (PlainHttpServer server = PlainHttpServer.start();
                SSLSocket tls = TlsClients.connect(server.port(), (int) GENEROUS.toMillis())) {
            assertThatThrownBy(tls::startHandshake).isInstanceOf(SSLException.class);
            assertThat(server.requestLines()).isEmpty();
        }
    }
}

package dev.tentacle.testing.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.EOFException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RawClientTest {
    private static final Duration GENEROUS = Duration.ofSeconds(10);
    private static final Duration SHORT = Duration.ofMillis(200);

    @Test
    void readsUntilThePeerClosesAndSaysItClosedInAnOrderlyWay() throws Exception {
        try (PlainHttpServer server = PlainHttpServer.start()) {
            RawClient.Response answer = RawClient.exchange(server.port(), "GET / HTTP/1.1\r\n\r\n", GENEROUS);

            assertThat(answer.bytes()).isEqualTo(server.response());
            assertThat(answer.peerClosed()).isTrue();
            assertThat(answer.reset()).isFalse();
        }
    }

    @Test
    void stopsAtTheTimeoutWhenThePeerStaysSilentAndKeepsTheConnectionUsable() throws Exception {
        try (SilentServer server = SilentServer.start(); RawClient client = RawClient.connect(server.port())) {
            RawClient.Response first = client.readUntilClosed(SHORT);
            client.send("still connected");

            assertThat(first).isEqualTo(new RawClient.Response(new byte[0], false, false));
            assertThat(first.text()).isEmpty();
            assertThat(client.readUntilClosed(SHORT).peerClosed()).isFalse();
        }
    }

    @Test
    void failsReadExactlyWhenThePeerClosesEarly() throws Exception {
        try (PlainHttpServer server = PlainHttpServer.start(); RawClient client = RawClient.connect(server.port())) {
            client.send("GET / HTTP/1.1\r\n\r\n");

            assertThatThrownBy(() -> client.readExactly(server.response().length + 1, GENEROUS))
                    .isInstanceOf(EOFException.class);
        }
    }

    @Test
    void readsUpToATerminatorAndLeavesTheRest() throws Exception {
        try (PlainHttpServer server = PlainHttpServer.start(); RawClient client = RawClient.connect(server.port())) {
            client.send("GET / HTTP/1.1\r\n\r\n");

            assertThat(client.readUntil("\r\n", GENEROUS)).isEqualTo("HTTP/1.1 200 OK\r\n");
            assertThat(client.readUntilClosed(GENEROUS).text()).endsWith(PlainHttpServer.DEFAULT_BODY);
        }
    }

    @Test
    void failsReadUntilAtTheTimeout() throws Exception {
        try (SilentServer server = SilentServer.start(); RawClient client = RawClient.connect(server.port())) {
            assertThatThrownBy(() -> client.readUntil("\r\n", SHORT)).isInstanceOf(SocketTimeoutException.class);
        }
    }

    @Test
    void cannotConnectWhereNothingListens() {
        assertThatThrownBy(() -> RawClient.connect(Ports.freeLoopbackPort())).isInstanceOf(ConnectException.class);
    }

    @Test
    void responseBytesAreCopies() {
        byte[] bytes = {1, 2, 3};
        RawClient.Response response = new RawClient.Response(bytes, true, false);
        bytes[0] = 9;
        response.bytes()[1] = 9;

        assertThat(response.bytes()).containsExactly(1, 2, 3);
    }
}

package dev.tentacle.testing.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;

class SilentServerTest {
    private static final Duration NOTHING_ARRIVES_WITHIN = Duration.ofMillis(300);

    @Test
    void holdsConnectionsOpenWithoutWritingAnything() throws Exception {
        try (SilentServer server = SilentServer.start(); RawClient client = RawClient.connect(server.port())) {
            client.send("hello?");

            RawClient.Response answer = client.readUntilClosed(NOTHING_ARRIVES_WITHIN);

            assertThat(answer.bytes()).isEmpty();
            assertThat(answer.peerClosed()).isFalse();
            await().until(() -> server.connections().size() == 1
                    && server.connections().getFirst().bytesReceived() == 6);
            assertThat(server.connectionCount()).isEqualTo(1);
            assertThat(server.openConnections()).isEqualTo(1);
            assertThat(server.peerClosedCount()).isZero();
        }
    }

    @Test
    void reportsWhenThePeerHangsUp() throws Exception {
        try (SilentServer server = SilentServer.start()) {
            RawClient client = RawClient.connect(server.port());
            await().until(() -> server.connectionCount() == 1);

            client.close();

            await().until(() -> server.peerClosedCount() == 1);
            SilentServer.HeldConnection held = server.connections().getFirst();
            assertThat(held.number()).isEqualTo(1);
            assertThat(held.peerClosed()).isTrue();
            assertThat(held.peerReset()).isFalse();
            assertThat(held.peerClosedAfter()).isPresent();
            assertThat(server.openConnections()).isZero();
        }
    }

    @Test
    void reportsAPeerThatResets() throws Exception {
        try (SilentServer server = SilentServer.start()) {
            Socket client = new Socket(InetAddress.getLoopbackAddress(), server.port());
            await().until(() -> server.connectionCount() == 1);

            Sockets.reset(client);

            await().until(() -> server.peerClosedCount() == 1);
            assertThat(server.connections().getFirst().peerReset()).isTrue();
        }
    }

    @Test
    void makesATlsHandshakeTimeOut() throws Exception {
        try (SilentServer server = SilentServer.start();
                SSLSocket tls = TlsClients.connect(server.port(), (int) NOTHING_ARRIVES_WITHIN.toMillis())) {
            long start = System.nanoTime();

            assertThatThrownBy(tls::startHandshake).isInstanceOf(SocketTimeoutException.class);

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(NOTHING_ARRIVES_WITHIN);
            await().until(() -> server.connections().stream().anyMatch(held -> held.bytesReceived() > 0));
        }
    }

    @Test
    void closeEndsHeldConnectionsWithoutCountingThemAsClosedByThePeer() throws Exception {
        SilentServer server = SilentServer.start();
        try (RawClient client = RawClient.connect(server.port())) {
            await().until(() -> server.connectionCount() == 1);

            server.close();

            assertThat(client.readUntilClosed(Duration.ofSeconds(10)).peerClosed()).isTrue();
            assertThat(server.peerClosedCount()).isZero();
        } finally {
            server.close();
        }
    }
}

package dev.tentacle.testing.net;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PortForwarderTest {
    private static final Duration GENEROUS = Duration.ofSeconds(10);
    private static final Duration NOTHING_ARRIVES_WITHIN = Duration.ofMillis(300);
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    @Test
    void forwardsFiftyMebibytesByteExactInBothDirectionsAndClosesWhenBothEnd() throws Exception {
        long length = 50L * 1024 * 1024;
        try (ServerSocket target = new ServerSocket(0, 1, LOOPBACK);
                PortForwarder forwarder = PortForwarder.start(target.getLocalPort());
                ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<Socket> accepted = threads.submit(target::accept);
            try (Socket client = new Socket(LOOPBACK, forwarder.port());
                    Socket server = accepted.get(10, TimeUnit.SECONDS)) {
                Future<SeededStreams.Digest> clientSent = threads.submit(() -> {
                    SeededStreams.Digest sent = SeededStreams.write(client.getOutputStream(), 1, length);
                    client.shutdownOutput();
                    return sent;
                });
                Future<SeededStreams.Digest> serverSent = threads.submit(() -> {
                    SeededStreams.Digest sent = SeededStreams.write(server.getOutputStream(), 2, length);
                    server.shutdownOutput();
                    return sent;
                });
                Future<SeededStreams.Digest> serverReceived =
                        threads.submit(() -> SeededStreams.readToEnd(server.getInputStream()));
                Future<SeededStreams.Digest> clientReceived =
                        threads.submit(() -> SeededStreams.readToEnd(client.getInputStream()));

                assertThat(serverReceived.get(2, TimeUnit.MINUTES)).isEqualTo(clientSent.get(2, TimeUnit.MINUTES));
                assertThat(clientReceived.get(2, TimeUnit.MINUTES)).isEqualTo(serverSent.get(2, TimeUnit.MINUTES));
                assertThat(clientReceived.get().bytes()).isEqualTo(length);
                assertThat(clientReceived.get().sha256()).isNotEqualTo(serverReceived.get().sha256());
            }
            await().untilAsserted(() -> {
                assertThat(forwarder.bytesForwardedToTarget()).isEqualTo(length);
                assertThat(forwarder.bytesForwardedToClient()).isEqualTo(length);
                assertThat(forwarder.bytesForwarded()).isEqualTo(2 * length);
                assertThat(forwarder.activeConnections()).isZero();
            });
            assertThat(forwarder.connectionCount()).isEqualTo(1);
        }
    }

    @Test
    void delaysEveryChunkOnALiveConnectionByAtLeastTheDelayInEachDirection() throws Exception {
        try (EchoServer echo = new EchoServer();
                PortForwarder forwarder = PortForwarder.start(echo.port());
                RawClient client = RawClient.connect(forwarder.port())) {
            assertThat(roundTrip(client, "warm")).isEqualTo("warm");
            Duration delay = Duration.ofMillis(200);
            forwarder.setDelay(delay);

            long start = System.nanoTime();
            String echoed = roundTrip(client, "ping");
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

            assertThat(echoed).isEqualTo("ping");
            assertThat(forwarder.delay()).isEqualTo(delay);
            assertThat(elapsed).isGreaterThanOrEqualTo(delay.multipliedBy(2));
        }
    }

    @Test
    void keepsChunksInOrderUnderDelay() throws Exception {
        try (EchoServer echo = new EchoServer();
                PortForwarder forwarder = PortForwarder.start(echo.port());
                RawClient client = RawClient.connect(forwarder.port())) {
            forwarder.setDelay(Duration.ofMillis(20));
            StringBuilder sent = new StringBuilder();
            for (int i = 0; i < 100; i++) {
                String message = "%04d".formatted(i);
                client.send(message);
                sent.append(message);
            }

            byte[] echoed = client.readExactly(sent.length(), GENEROUS);

            assertThat(new String(echoed, US_ASCII)).isEqualTo(sent.toString());
        }
    }

    @Test
    void rejectsNegativeDelay() throws Exception {
        try (PortForwarder forwarder = PortForwarder.start(Ports.freeLoopbackPort())) {
            assertThatThrownBy(() -> forwarder.setDelay(Duration.ofMillis(-1)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("negative");
        }
    }

    @Test
    void pauseHoldsBytesOnOpenConnectionsAndResumeDeliversThem() throws Exception {
        try (EchoServer echo = new EchoServer();
                PortForwarder forwarder = PortForwarder.start(echo.port());
                RawClient client = RawClient.connect(forwarder.port())) {
            assertThat(roundTrip(client, "before")).isEqualTo("before");

            forwarder.pause();
            client.send("held");
            RawClient.Response whilePaused = client.readUntilClosed(NOTHING_ARRIVES_WITHIN);

            assertThat(forwarder.isPaused()).isTrue();
            assertThat(whilePaused.bytes()).isEmpty();
            assertThat(whilePaused.peerClosed()).isFalse();
            assertThat(forwarder.bytesForwardedToTarget()).isEqualTo("before".length());

            forwarder.resume();

            assertThat(new String(client.readExactly(4, GENEROUS), US_ASCII)).isEqualTo("held");
            assertThat(forwarder.isPaused()).isFalse();
        }
    }

    @Test
    void acceptsNewConnectionsWhilePausedButConnectsThemToTheTargetOnlyOnResume() throws Exception {
        try (EchoServer echo = new EchoServer();
                PortForwarder forwarder = PortForwarder.start(echo.port())) {
            forwarder.pause();
            try (RawClient client = RawClient.connect(forwarder.port())) {
                client.send("x");
                await().until(() -> forwarder.activeConnections() == 1);
                RawClient.Response whilePaused = client.readUntilClosed(NOTHING_ARRIVES_WITHIN);

                assertThat(whilePaused.bytes()).isEmpty();
                assertThat(whilePaused.peerClosed()).isFalse();
                assertThat(forwarder.connectionCount()).isEqualTo(1);
                assertThat(echo.acceptedCount()).isZero();

                forwarder.resume();

                assertThat(new String(client.readExactly(1, GENEROUS), US_ASCII)).isEqualTo("x");
                assertThat(echo.acceptedCount()).isEqualTo(1);
            }
        }
    }

    @Test
    void killAllResetsEveryCurrentConnectionAtBothEndsButNotLaterOnes() throws Exception {
        try (EchoServer echo = new EchoServer();
                PortForwarder forwarder = PortForwarder.start(echo.port());
                RawClient first = RawClient.connect(forwarder.port());
                RawClient second = RawClient.connect(forwarder.port())) {
            assertThat(roundTrip(first, "one")).isEqualTo("one");
            assertThat(roundTrip(second, "two")).isEqualTo("two");
            assertThat(forwarder.activeConnections()).isEqualTo(2);

            forwarder.killAll();

            for (RawClient client : new RawClient[] {first, second}) {
                RawClient.Response afterKill = client.readUntilClosed(GENEROUS);
                assertThat(afterKill.peerClosed()).isTrue();
                assertThat(afterKill.reset()).isTrue();
            }
            await().untilAsserted(() -> {
                assertThat(forwarder.activeConnections()).isZero();
                assertThat(echo.endedByErrorCount()).isEqualTo(2);
            });
            try (RawClient later = RawClient.connect(forwarder.port())) {
                assertThat(roundTrip(later, "three")).isEqualTo("three");
            }
        }
    }

    @Test
    void killAllAlsoResetsConnectionsHeldByAPause() throws Exception {
        try (EchoServer echo = new EchoServer();
                PortForwarder forwarder = PortForwarder.start(echo.port());
                RawClient client = RawClient.connect(forwarder.port())) {
            assertThat(roundTrip(client, "relayed")).isEqualTo("relayed");
            forwarder.pause();
            try (RawClient held = RawClient.connect(forwarder.port())) {
                await().until(() -> forwarder.activeConnections() == 2);

                forwarder.killAll();

                assertThat(held.readUntilClosed(GENEROUS).reset()).isTrue();
                assertThat(client.readUntilClosed(GENEROUS).reset()).isTrue();
                await().until(() -> forwarder.activeConnections() == 0);
                forwarder.resume();
                assertThat(echo.acceptedCount()).isEqualTo(1);
            }
        }
    }

    @Test
    void rejectNewResetsNewConnectionsAndLeavesCurrentOnesAlone() throws Exception {
        try (EchoServer echo = new EchoServer();
                PortForwarder forwarder = PortForwarder.start(echo.port());
                RawClient current = RawClient.connect(forwarder.port())) {
            assertThat(roundTrip(current, "hello")).isEqualTo("hello");

            forwarder.rejectNew(true);
            assertThat(resetWithoutAnswer(forwarder.port())).isTrue();
            assertThat(forwarder.rejectedCount()).isEqualTo(1);
            assertThat(roundTrip(current, "still")).isEqualTo("still");

            forwarder.rejectNew(false);
            try (RawClient accepted = RawClient.connect(forwarder.port())) {
                assertThat(roundTrip(accepted, "again")).isEqualTo("again");
            }
            assertThat(forwarder.connectionCount()).isEqualTo(2);
            assertThat(echo.acceptedCount()).isEqualTo(2);
        }
    }

    @Test
    void passesHalfCloseThroughAndEndsTheConnectionInAnOrderlyWay() throws Exception {
        try (EchoServer echo = new EchoServer();
                PortForwarder forwarder = PortForwarder.start(echo.port());
                RawClient client = RawClient.connect(forwarder.port())) {
            client.send("last words");
            client.shutdownOutput();

            RawClient.Response answer = client.readUntilClosed(GENEROUS);

            assertThat(answer.text()).isEqualTo("last words");
            assertThat(answer.peerClosed()).isTrue();
            assertThat(answer.reset()).isFalse();
            await().until(() -> forwarder.activeConnections() == 0);
            assertThat(echo.endedByErrorCount()).isZero();
        }
    }

    @Test
    void resetsTheClientWhenTheTargetRefusesTheConnection() throws Exception {
        try (PortForwarder forwarder = PortForwarder.start(Ports.freeLoopbackPort())) {
            assertThat(resetWithoutAnswer(forwarder.port())).isTrue();
            await().until(() -> forwarder.activeConnections() == 0);
            assertThat(forwarder.connectionCount()).isEqualTo(1);
        }
    }

    @Test
    void closeResetsConnectionsAndStopsListening() throws Exception {
        EchoServer echo = new EchoServer();
        PortForwarder forwarder = PortForwarder.start(echo.port());
        try (echo; RawClient client = RawClient.connect(forwarder.port())) {
            assertThat(roundTrip(client, "hi")).isEqualTo("hi");

            forwarder.close();

            RawClient.Response afterClose = client.readUntilClosed(GENEROUS);
            assertThat(afterClose.peerClosed()).isTrue();
            assertThat(afterClose.reset()).isTrue();
            assertThat(forwarder.activeConnections()).isZero();
            assertThatThrownBy(() -> RawClient.connect(forwarder.port())).isInstanceOf(ConnectException.class);
        } finally {
            forwarder.close();
        }
    }

    @Test
    void refusesTargetsThatAreNotOnLoopback() {
        assertThatThrownBy(() -> PortForwarder.start("example.com", 443))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("loopback");
        assertThatThrownBy(() -> PortForwarder.start("10.0.0.1", 443)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void forwardsToTheTargetGivenByName() throws Exception {
        try (EchoServer echo = new EchoServer();
                PortForwarder forwarder = PortForwarder.start("localhost", echo.port());
                RawClient client = RawClient.connect(forwarder.port())) {
            assertThat(forwarder.target()).isEqualTo(new InetSocketAddress(LOOPBACK, echo.port()));
            assertThat(roundTrip(client, "by name")).isEqualTo("by name");
        }
    }

    /**
     * Whether the peer resets a new connection before answering. A reset that comes fast enough is reported by connect
     * itself rather than by the first read, so both count.
     */
    static boolean resetWithoutAnswer(int port) throws IOException {
        RawClient client;
        try {
            client = RawClient.connect(port);
        } catch (ConnectException refused) {
            return false;
        } catch (SocketException resetDuringConnect) {
            return true;
        }
        try (client) {
            RawClient.Response answer = client.readUntilClosed(GENEROUS);
            return answer.bytes().length == 0 && answer.peerClosed() && answer.reset();
        }
    }

    private static String roundTrip(RawClient client, String message) throws IOException {
        client.send(message);
        return new String(client.readExactly(message.length(), GENEROUS), US_ASCII);
    }
}

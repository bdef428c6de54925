package dev.tentacle.testing.net;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tentacle.comms.ProxySettings;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class ConnectProxyTest {
    private static final Duration GENEROUS = Duration.ofSeconds(10);

    @Test
    void tunnelsBytesBothWaysAfterAnsweringConnectWith200() throws Exception {
        try (EchoServer echo = new EchoServer();
                ConnectProxy proxy = ConnectProxy.start();
                RawClient client = RawClient.connect(proxy.port())) {
            String target = "127.0.0.1:" + echo.port();
            client.send("CONNECT " + target + " HTTP/1.1\r\nHost: " + target + "\r\n\r\n");

            assertThat(client.readUntil("\r\n\r\n", GENEROUS))
                    .isEqualTo("HTTP/1.1 200 Connection established\r\n\r\n");
            client.send("through the tunnel");
            assertThat(new String(client.readExactly(18, GENEROUS), US_ASCII)).isEqualTo("through the tunnel");
            assertThat(proxy.tunnelsOpened()).isEqualTo(1);
            assertThat(proxy.activeTunnels()).isEqualTo(1);
            assertThat(proxy.requestedTargets()).containsExactly(target);
        }
    }

    @Test
    void forwardsBytesSentRightAfterTheConnectRequest() throws Exception {
        try (EchoServer echo = new EchoServer();
                ConnectProxy proxy = ConnectProxy.start();
                RawClient client = RawClient.connect(proxy.port())) {
            client.send("CONNECT localhost:" + echo.port() + " HTTP/1.1\r\n\r\nearly bytes");

            assertThat(client.readUntil("\r\n\r\n", GENEROUS)).startsWith("HTTP/1.1 200 ");
            assertThat(new String(client.readExactly(11, GENEROUS), US_ASCII)).isEqualTo("early bytes");
        }
    }

    @Test
    void worksWithTheJdkHttpProxySocket() throws Exception {
        try (EchoServer echo = new EchoServer();
                ConnectProxy proxy = ConnectProxy.start();
                Socket socket = new Socket(new Proxy(Proxy.Type.HTTP,
                        new InetSocketAddress(InetAddress.getLoopbackAddress(), proxy.port())))) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), echo.port()));
            socket.setSoTimeout((int) GENEROUS.toMillis());
            socket.getOutputStream().write("jdk".getBytes(US_ASCII));

            assertThat(socket.getInputStream().readNBytes(3)).isEqualTo("jdk".getBytes(US_ASCII));
            assertThat(proxy.tunnelsOpened()).isEqualTo(1);
        }
    }

    @Test
    void answersMissingCredentialsWith407AndABasicChallenge() throws Exception {
        try (EchoServer echo = new EchoServer();
                ConnectProxy proxy = ConnectProxy.builder().credentials("squid", "s3cret").start()) {
            RawClient.Response answer = connect(proxy, "127.0.0.1:" + echo.port(), "");

            assertThat(answer.text()).isEqualTo("HTTP/1.1 407 Proxy Authentication Required\r\n"
                    + "Proxy-Authenticate: Basic realm=\"test\"\r\n"
                    + "Content-Length: 0\r\nConnection: close\r\n\r\n");
            assertThat(answer.peerClosed()).isTrue();
            assertThat(proxy.tunnelsOpened()).isZero();
            assertThat(proxy.requestedTargets()).containsExactly("127.0.0.1:" + echo.port());
            assertThat(echo.acceptedCount()).isZero();
        }
    }

    @Test
    void answersWrongCredentialsWith407() throws Exception {
        try (EchoServer echo = new EchoServer();
                ConnectProxy proxy = ConnectProxy.builder().credentials("squid", "s3cret").start()) {
            String target = "127.0.0.1:" + echo.port();

            assertThat(connect(proxy, target, basic("squid", "wrong")).text()).startsWith("HTTP/1.1 407 ");
            assertThat(connect(proxy, target, basic("other", "s3cret")).text()).startsWith("HTTP/1.1 407 ");
            assertThat(connect(proxy, target, "Proxy-Authorization: Basic not-base64!\r\n").text())
                    .startsWith("HTTP/1.1 407 ");
            assertThat(connect(proxy, target, "Proxy-Authorization: Bearer abc\r\n").text())
                    .startsWith("HTTP/1.1 407 ");
            assertThat(proxy.tunnelsOpened()).isZero();
        }
    }

    @Test
    void tunnelsWithTheRightCredentials() throws Exception {
        try (EchoServer echo = new EchoServer();
                ConnectProxy proxy = ConnectProxy.builder().credentials("squid", "s3cret").start();
                RawClient client = RawClient.connect(proxy.port())) {
            client.send("CONNECT 127.0.0.1:" + echo.port() + " HTTP/1.1\r\n" + basic("squid", "s3cret") + "\r\n");

            assertThat(client.readUntil("\r\n\r\n", GENEROUS)).startsWith("HTTP/1.1 200 ");
            client.send("authorized");
            assertThat(new String(client.readExactly(10, GENEROUS), US_ASCII)).isEqualTo("authorized");
            assertThat(proxy.proxySettings())
                    .isEqualTo(ProxySettings.withCredentials("127.0.0.1", proxy.port(), "squid", "s3cret"));
        }
    }

    @Test
    void refusesTargetsThatAreNotAllowedWith403() throws Exception {
        try (EchoServer allowed = new EchoServer();
                EchoServer other = new EchoServer();
                ConnectProxy proxy = ConnectProxy.builder().allowTarget("127.0.0.1", allowed.port()).start()) {
            RawClient.Response answer = connect(proxy, "127.0.0.1:" + other.port(), "");

            assertThat(answer.text()).isEqualTo("HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
            assertThat(connect(proxy, "localhost:" + allowed.port(), "").text()).startsWith("HTTP/1.1 403 ");
            assertThat(other.acceptedCount()).isZero();
            assertThat(proxy.tunnelsOpened()).isZero();
            assertThat(proxy.requestedTargets())
                    .containsExactly("127.0.0.1:" + other.port(), "localhost:" + allowed.port());
        }
    }

    @Test
    void refusesTargetsOffLoopbackWith403WithoutLookingThemUp() throws Exception {
        try (ConnectProxy proxy = ConnectProxy.start()) {
            assertThat(connect(proxy, "example.com:443", "").text()).startsWith("HTTP/1.1 403 ");
            assertThat(connect(proxy, "10.1.2.3:443", "").text()).startsWith("HTTP/1.1 403 ");
            assertThat(connect(proxy, "127.0.0.1:notaport", "").text()).startsWith("HTTP/1.1 403 ");
            assertThat(proxy.tunnelsOpened()).isZero();
        }
    }

    @Test
    void answersATargetThatRefusesTheConnectionWith502() throws Exception {
        try (ConnectProxy proxy = ConnectProxy.start()) {
            RawClient.Response answer = connect(proxy, "127.0.0.1:" + Ports.freeLoopbackPort(), "");

            assertThat(answer.text()).startsWith("HTTP/1.1 502 Bad Gateway\r\n");
            assertThat(proxy.tunnelsOpened()).isZero();
        }
    }

    @Test
    void answersOtherMethodsWith405() throws Exception {
        try (ConnectProxy proxy = ConnectProxy.start()) {
            RawClient.Response answer = RawClient.exchange(
                    proxy.port(), "GET http://127.0.0.1/ HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", GENEROUS);

            assertThat(answer.text()).isEqualTo("HTTP/1.1 405 Method Not Allowed\r\nAllow: CONNECT\r\n"
                    + "Content-Length: 0\r\nConnection: close\r\n\r\n");
            assertThat(answer.peerClosed()).isTrue();
            assertThat(proxy.requestedTargets()).isEmpty();
        }
    }

    @Test
    void answersSomethingThatIsNotHttpWith400() throws Exception {
        try (ConnectProxy proxy = ConnectProxy.start()) {
            RawClient.Response answer = RawClient.exchange(proxy.port(), "\u0016\u0003\u0001garbage\r\n\r\n", GENEROUS);

            assertThat(answer.text()).startsWith("HTTP/1.1 400 Bad Request\r\n");
        }
    }

    @Test
    void closeResetsOpenTunnels() throws Exception {
        ConnectProxy proxy = ConnectProxy.start();
        try (EchoServer echo = new EchoServer(); RawClient client = RawClient.connect(proxy.port())) {
            client.send("CONNECT 127.0.0.1:" + echo.port() + " HTTP/1.1\r\n\r\n");
            assertThat(client.readUntil("\r\n\r\n", GENEROUS)).startsWith("HTTP/1.1 200 ");

            proxy.close();

            RawClient.Response afterClose = client.readUntilClosed(GENEROUS);
            assertThat(afterClose.peerClosed()).isTrue();
            assertThat(afterClose.reset()).isTrue();
            assertThat(proxy.activeTunnels()).isZero();
        } finally {
            proxy.close();
        }
    }

    private static RawClient.Response connect(ConnectProxy proxy, String target, String headers) throws IOException {
        return RawClient.exchange(proxy.port(), "CONNECT " + target + " HTTP/1.1\r\n" + headers + "\r\n", GENEROUS);
    }

    private static String basic(String username, String password) {
        return "Proxy-Authorization: Basic "
                + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8))
                + "\r\n";
    }
}

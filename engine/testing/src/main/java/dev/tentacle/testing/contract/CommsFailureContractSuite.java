package dev.tentacle.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.tentacle.comms.CommsException;
import dev.tentacle.comms.CommsOptions;
import dev.tentacle.comms.CommsRuntime;
import dev.tentacle.comms.ErrorCode;
import dev.tentacle.comms.ProxySettings;
import dev.tentacle.comms.ServiceEndpoint;
import dev.tentacle.comms.retry.RetryPolicy;
import dev.tentacle.testing.certificates.CertificateFixtures;
import dev.tentacle.testing.net.ConnectProxy;
import dev.tentacle.testing.net.HttpInterferingServer;
import dev.tentacle.testing.net.PortForwarder;
import dev.tentacle.testing.net.Ports;
import dev.tentacle.testing.net.RawClient;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Test;

/**
 * Bad networks and bad peers, in both modes: every failure is one named error that says what to check.
 * In listening mode the server's call reports a connection problem directly; in polling mode the Tentacle's
 * subscriber meets it while connecting, reports it to its listener, and keeps retrying.
 */
public abstract class CommsFailureContractSuite extends CommsContractSuite {
    private static final EchoService.Message HELLO = new EchoService.Message("hello", 1, List.of());

    /**
     * Points the connecting side at a bad target and checks the error it meets: the call's error in listening
     * mode, the subscriber's reconnect reason in polling mode.
     */
    protected void assertConnectingFails(ServiceEndpoint badTarget, ErrorCode expected, Consumer<CommsException> more) {
        if (mode() == Mode.LISTENING) {
            try (CommsRuntime server = CommsRuntime.builder(CertificateFixtures.server()).options(fastOptions()).build()) {
                EchoService echo = server.client(badTarget, EchoService.class);
                assertThatThrownBy(() -> echo.echo(HELLO)).isInstanceOfSatisfying(CommsException.class, e -> {
                    assertThat(e.code()).isEqualTo(expected);
                    more.accept(e);
                });
            }
        } else {
            RecordingListener events = new RecordingListener();
            try (CommsRuntime tentacle = CommsRuntime.builder(CertificateFixtures.tentacle()).options(fastOptions()).listener(events)
                    .service(EchoService.class, new EchoServiceImpl()).build()) {
                tentacle.poll(CommsPair.SUBSCRIPTION, badTarget);
                await().atMost(Duration.ofSeconds(30)).until(() -> !events.reconnectReasons().isEmpty());
                CommsException e = events.reconnectReasons().getFirst();
                assertThat(e.code()).isEqualTo(expected);
                more.accept(e);
            }
        }
    }

    private ServiceEndpoint listeningTarget(String host, int port) {
        var expected = mode() == Mode.LISTENING ? CertificateFixtures.tentacle().thumbprints().sha256()
                : CertificateFixtures.server().thumbprints().sha256();
        return ServiceEndpoint.listening(host, port, expected);
    }

    @Test
    void connectionRefusedIsNamed() {
        int closedPort = Ports.freeLoopbackPort();
        assertConnectingFails(listeningTarget("127.0.0.1", closedPort), ErrorCode.CONNECTION_REFUSED,
                e -> assertThat(e.getMessage()).contains("127.0.0.1:" + closedPort, "connection refused"));
    }

    @Test
    void dnsFailureIsNamed() {
        assertConnectingFails(listeningTarget("no-such-host.invalid", 10933), ErrorCode.DNS_FAILURE,
                e -> assertThat(e.getMessage()).contains("no-such-host.invalid", "IP address"));
    }

    @Test
    void aFirewallAnsweringWithAnHttpPageIsNamed() throws Exception {
        try (HttpInterferingServer firewall = closeLater(HttpInterferingServer.start(HttpInterferingServer.Trigger.AFTER_TLS_CLIENT_HELLO))) {
            assertConnectingFails(listeningTarget("127.0.0.1", firewall.port()), ErrorCode.PROXY_OR_FIREWALL_IN_PATH,
                    e -> assertThat(e.getMessage()).contains("HTTP/1.0 403", "proxy"));
        }
    }

    @Test
    void aPortThatNeverAnswersEndsAtThePreAuthenticationDeadline() throws Exception {
        try (ServerSocket occupied = closeLater(Ports.occupy())) {
            // Something that accepts and says nothing: the pre-authentication deadline ends the wait.
            CommsOptions quick = fastOptions().toBuilder().preAuthenticationTimeout(Duration.ofMillis(500)).build();
            try (CommsRuntime server = CommsRuntime.builder(CertificateFixtures.server()).options(quick).build()) {
                EchoService echo = server.client(listeningTarget("127.0.0.1", occupied.getLocalPort()), EchoService.class);
                assertThatThrownBy(() -> echo.echo(HELLO)).isInstanceOfSatisfying(CommsException.class,
                        e -> assertThat(e.code()).isIn(ErrorCode.PRE_AUTHENTICATION_TIMEOUT, ErrorCode.TLS_HANDSHAKE_FAILED));
            }
        }
    }

    @Test
    void plainHttpToTheTlsPortGetsAnAnswerThatSaysUseHttps() throws Exception {
        RecordingListener listening = new RecordingListener();
        CommsPair pair = started(listenerOnListeningSide(pair(), listening));

        RawClient.Response response = RawClient.exchange(pair.listeningPort(), "GET / HTTP/1.1\r\nHost: localhost\r\n\r\n", Duration.ofSeconds(10));

        String text = new String(response.bytes(), StandardCharsets.US_ASCII);
        assertThat(text).startsWith("HTTP/1.1 400").contains("https://");
        await().atMost(Duration.ofSeconds(10)).until(() -> listening.rejectionCodes().contains(ErrorCode.PLAIN_HTTP_TO_TLS_PORT));
    }

    @Test
    void aBrowserGetsTheWelcomePage() throws Exception {
        RecordingListener listening = new RecordingListener();
        CommsPair pair = started(listenerOnListeningSide(pair(), listening));
        // As a browser after "accept the risk": no client certificate, the self-signed server certificate accepted.
        var page = (javax.net.ssl.HttpsURLConnection) URI.create("https://127.0.0.1:" + pair.listeningPort() + "/").toURL().openConnection();
        page.setSSLSocketFactory(trustingEverything().getSocketFactory());
        page.setHostnameVerifier((host, session) -> true);
        page.setConnectTimeout(10_000);
        page.setReadTimeout(10_000);

        assertThat(page.getResponseCode()).isEqualTo(200);
        assertThat(page.getContentType()).startsWith("text/html");
        String body;
        try (var in = page.getInputStream()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String expectedName = mode() == Mode.LISTENING ? "Tentacle listening endpoint" : "Octopus Server polling endpoint";
        assertThat(body).contains(expectedName);
        await().atMost(Duration.ofSeconds(10)).until(() -> listening.welcomePages() == 1);
    }

    @Test
    void aConnectionThatNeverAuthenticatesIsClosedAtTheDeadline() throws Exception {
        RecordingListener listening = new RecordingListener();
        CommsOptions quick = fastOptions().toBuilder().preAuthenticationTimeout(Duration.ofMillis(500)).build();
        CommsPair pair = started(listenerOnListeningSide(pair().options(quick), listening));

        RawClient silent = closeLater(RawClient.connect(pair.listeningPort()));
        RawClient.Response response = silent.readUntilClosed(Duration.ofSeconds(20));

        assertThat(response.peerClosed() || response.reset()).isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() -> listening.rejectionCodes().contains(ErrorCode.PRE_AUTHENTICATION_TIMEOUT));
    }

    @Test
    void garbageInsteadOfTlsIsRefused() throws Exception {
        RecordingListener listening = new RecordingListener();
        CommsPair pair = started(listenerOnListeningSide(pair(), listening));
        byte[] garbage = new byte[4096];
        new SecureRandom().nextBytes(garbage);
        garbage[0] = 0x01;

        RawClient.Response response = RawClient.exchange(pair.listeningPort(), garbage, Duration.ofSeconds(10));

        assertThat(response.peerClosed() || response.reset()).isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() -> !listening.rejections().isEmpty());
        assertThat(pair.echo().echo(HELLO)).isEqualTo(HELLO);
    }

    @Test
    void worksThroughAnHttpConnectProxyWithCredentials() throws Exception {
        ConnectProxy proxy = closeLater(ConnectProxy.builder().credentials("octo", "s3cret").start());
        CommsPair pair = started(pair().proxy(ProxySettings.withCredentials("127.0.0.1", proxy.port(), "octo", "s3cret")));

        assertThat(pair.echo().echo(HELLO)).isEqualTo(HELLO);
        assertThat(proxy.tunnelsOpened()).isPositive();
        assertThat(proxy.requestedTargets()).allSatisfy(target -> assertThat(target).endsWith(":" + pair.listeningPort()));
    }

    @Test
    void aProxyThatRefusesTheCredentialsIsNamed() throws Exception {
        ConnectProxy proxy = closeLater(ConnectProxy.builder().credentials("octo", "s3cret").start());
        CommsPair listeningSide = closeLater(pair().build()).startListeningSide();
        ServiceEndpoint target = listeningTarget("127.0.0.1", listeningSide.listeningPort())
                .withProxy(ProxySettings.withCredentials("127.0.0.1", proxy.port(), "octo", "wrong"));

        assertConnectingFails(target, ErrorCode.PROXY_FAILED, e -> assertThat(e.getMessage()).contains("407"));
    }

    @Test
    void idempotentCallsSurviveKilledConnections() throws Exception {
        CommsPair pair = closeLater(pair().build()).startListeningSide();
        PortForwarder network = closeLater(PortForwarder.start(pair.listeningPort()));
        pair.connectVia(network.port());
        pair.startConnectingSide();
        EchoService echo = pair.echo(RetryPolicy.ofDuration(Duration.ofSeconds(30)));
        assertThat(echo.echo(HELLO)).isEqualTo(HELLO);

        network.killAll();

        assertThat(echo.echo(HELLO)).isEqualTo(HELLO);
        assertThat(network.connectionCount()).isGreaterThan(1);
    }

    @Test
    void aBlackHoledNetworkIsDetectedByHeartbeats() throws Exception {
        CommsOptions quickHeartbeat = fastOptions().toBuilder().heartbeatInterval(Duration.ofMillis(300))
                .pollingConnectionCount(1).build();
        CommsPair pair = closeLater(pair().options(quickHeartbeat).build()).startListeningSide();
        PortForwarder network = closeLater(PortForwarder.start(pair.listeningPort()));
        pair.connectVia(network.port());
        pair.startConnectingSide();
        awaitSubscribersIfPolling(pair);
        EchoService echo = pair.echo();
        assertThat(echo.echo(HELLO)).isEqualTo(HELLO);
        var blocked = pair.echo().blockAsync("black-holed");
        await().atMost(Duration.ofSeconds(30)).until(() -> pair.service().blockEntered().getCount() == 0);

        network.pause();

        assertThat(blocked).failsWithin(Duration.ofSeconds(30)).withThrowableThat()
                .havingRootCause().isInstanceOfSatisfying(CommsException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.CONNECTION_LOST));
        network.resume();
    }

    @Test
    void aPooledConnectionThatDiedSilentlyIsReplacedBeforeUse() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(mode() == Mode.LISTENING, "only listening clients pool connections");
        CommsOptions probing = fastOptions().toBuilder().pooledConnectionMaxIdle(Duration.ofMillis(100)).build();
        CommsPair pair = closeLater(pair().options(probing).build()).startListeningSide();
        PortForwarder network = closeLater(PortForwarder.start(pair.listeningPort()));
        pair.connectVia(network.port());
        pair.startConnectingSide();
        EchoService echo = pair.echo();
        assertThat(echo.echo(HELLO)).isEqualTo(HELLO);

        network.pause(); // the pooled connection is now a black hole: open, but nothing arrives
        Thread.sleep(3 * probing.pooledConnectionMaxIdle().toMillis()); // let it become idle for longer than the limit
        var call = java.util.concurrent.CompletableFuture.supplyAsync(() -> echo.echo(HELLO));
        // The pool probes the idle connection, gets no answer, discards it and connects again.
        await().atMost(Duration.ofSeconds(30)).until(() -> network.connectionCount() == 2);
        network.resume();

        assertThat(call.get(30, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(HELLO);
    }

    @Test
    void aCallForASubscriberThatNeverPollsTimesOutWithAClearMessage() {
        org.junit.jupiter.api.Assumptions.assumeTrue(mode() == Mode.POLLING, "only polling calls wait to be collected");
        CommsOptions quickPickup = fastOptions().toBuilder().pickupTimeout(Duration.ofMillis(500)).build();
        CommsPair pair = started(pair().options(quickPickup));
        EchoService absent = pair.server().client(ServiceEndpoint.polling("nobody-polls-this",
                CertificateFixtures.tentacle().thumbprints().sha256()), EchoService.class);

        assertThatThrownBy(() -> absent.echo(HELLO)).isInstanceOfSatisfying(CommsException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.PICKUP_TIMEOUT);
            assertThat(e.getMessage()).contains("poll://nobody-polls-this/", "No Tentacle polling with this subscription is connected");
        });
    }

    @Test
    void aDelayedNetworkOnlySlowsCallsDown() throws Exception {
        CommsPair pair = closeLater(pair().build()).startListeningSide();
        PortForwarder network = closeLater(PortForwarder.start(pair.listeningPort()));
        network.setDelay(Duration.ofMillis(50));
        pair.connectVia(network.port());
        pair.startConnectingSide();

        assertThat(pair.echo().echo(HELLO)).isEqualTo(HELLO);
        assertThat(pair.echo().upload("delayed", dev.tentacle.comms.DataStream.ofBytes(new byte[3_000_000])).length())
                .isEqualTo(3_000_000);
    }

    @Test
    void theListeningPortCannotBeTakenTwice() throws Exception {
        ServerSocket occupied = closeLater(Ports.occupy());
        try (CommsRuntime runtime = CommsRuntime.builder(CertificateFixtures.tentacle()).build()) {
            assertThatThrownBy(() -> runtime.listen(new InetSocketAddress("127.0.0.1", occupied.getLocalPort()), "test"))
                    .isInstanceOfSatisfying(CommsException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.ADDRESS_IN_USE);
                        assertThat(e.getMessage()).contains(String.valueOf(occupied.getLocalPort()), "in use");
                    });
        }
    }

    private CommsPair.Builder listenerOnListeningSide(CommsPair.Builder builder, RecordingListener listener) {
        return mode() == Mode.LISTENING ? builder.tentacleListener(listener) : builder.serverListener(listener);
    }

    private static SSLContext trustingEverything() throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        }}, new SecureRandom());
        return context;
    }
}

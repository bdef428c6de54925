package dev.tentacle.comms.internal.preamble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tentacle.comms.CommsException;
import dev.tentacle.comms.ErrorCode;
import dev.tentacle.comms.internal.testing.SelfSignedTestCertificate;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.ReferenceCounted;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PlainTextProbeHandlerTest {
    private static SelfSignedTestCertificate certificate;
    private static SslContext serverContext;
    private static SslContext clientContext;

    private final List<CommsException> rejections = new ArrayList<>();
    private EmbeddedChannel server;

    @BeforeAll
    static void createTlsContexts() throws Exception {
        certificate = SelfSignedTestCertificate.create("tentacle.test");
        serverContext = SslContextBuilder.forServer(certificate.privateKey(), certificate.certificate())
                .sslProvider(SslProvider.JDK).build();
        clientContext = SslContextBuilder.forClient().trustManager(InsecureTrustManagerFactory.INSTANCE)
                .sslProvider(SslProvider.JDK).build();
    }

    @AfterEach
    void releaseEverything() {
        if (server != null) {
            server.finishAndReleaseAll();
        }
    }

    private EmbeddedChannel serverWithProbe(SslHandler sslHandler) {
        server = new EmbeddedChannel();
        server.pipeline().addLast("probe", new PlainTextProbeHandler("tls", sslHandler, rejections::add));
        return server;
    }

    @Test
    void handsATlsHandshakeArrivingOneByteAtATimeToTheSslHandler() throws Exception {
        serverWithProbe(serverContext.newHandler(ByteBufAllocator.DEFAULT));
        EmbeddedChannel client = new EmbeddedChannel(clientContext.newHandler(ByteBufAllocator.DEFAULT));
        try {
            byte[] clientHello = drain(client);

            server.writeInbound(Unpooled.wrappedBuffer(clientHello, 0, 1));
            assertThat(server.pipeline().get("probe")).as("one byte is not enough to decide").isNotNull();
            server.writeInbound(Unpooled.wrappedBuffer(clientHello, 1, 1));
            assertThat(server.pipeline().get("probe")).isNull();
            assertThat(server.pipeline().get("tls")).isInstanceOf(SslHandler.class);
            for (int i = 2; i < clientHello.length; i++) {
                server.writeInbound(Unpooled.wrappedBuffer(clientHello, i, 1));
            }

            completeHandshake(client, server);
            client.writeOutbound(Unpooled.copiedBuffer("TENTACLE/1 CLIENT\r\n", StandardCharsets.US_ASCII));
            server.writeInbound(Unpooled.wrappedBuffer(drain(client)));

            ByteBuf plaintext = server.readInbound();
            assertThat(plaintext.toString(StandardCharsets.US_ASCII)).isEqualTo("TENTACLE/1 CLIENT\r\n");
            plaintext.release();
            assertThat(rejections).isEmpty();
        } finally {
            client.finishAndReleaseAll();
        }
    }

    @Test
    void answersPlainHttpWithTheHttpsAddressToUse() {
        serverWithProbe(serverContext.newHandler(ByteBufAllocator.DEFAULT));

        server.writeInbound(ascii("GET / HTTP/1.1\r\nHost: tentacle.example:10933\r\nUser-Agent: curl\r\n\r\n"));

        String body = "This port is a Tentacle / Octopus Server communications endpoint and speaks only TLS, not plain "
                + "HTTP.\r\nUse https://tentacle.example:10933/ instead.\r\n";
        assertThat(readOutboundText()).isEqualTo("HTTP/1.1 400 Bad Request\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\n"
                + "Content-Length: " + body.length() + "\r\n"
                + "Cache-Control: no-store\r\n"
                + "Content-Security-Policy: default-src 'none'; style-src 'unsafe-inline'\r\n"
                + "X-Content-Type-Options: nosniff\r\n"
                + "Connection: close\r\n"
                + "\r\n"
                + body);
        assertThat(server.isOpen()).isFalse();
        assertThat(rejections).singleElement().satisfies(e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.PLAIN_HTTP_TO_TLS_PORT);
            assertThat(e.getMessage()).contains("A plain-text HTTP request ('GET / HTTP/1.1') arrived")
                    .contains("use https://tentacle.example:10933/ instead");
        });
    }

    @Test
    void decidesOnPlainHttpOnlyOnceTheMethodIsCompleteAndAnswersAfterTheHead() {
        serverWithProbe(serverContext.newHandler(ByteBufAllocator.DEFAULT));

        server.writeInbound(ascii("GE"));
        assertThat(server.isOpen()).isTrue();
        server.writeInbound(ascii("T /status HTTP/1.1\r\nHost: 10.0.0.5:10943\r\n"));
        assertThat(server.<Object>readOutbound()).isNull();
        assertThat(rejections).isEmpty();

        server.writeInbound(ascii("\r\n"));

        assertThat(readOutboundText()).startsWith("HTTP/1.1 400 Bad Request\r\n").contains("Use https://10.0.0.5:10943/");
        assertThat(rejections).singleElement().satisfies(e -> assertThat(e.code()).isEqualTo(ErrorCode.PLAIN_HTTP_TO_TLS_PORT));
    }

    @Test
    void fallsBackToAPlaceholderWhenNeitherHostNorLocalAddressIsKnown() {
        serverWithProbe(serverContext.newHandler(ByteBufAllocator.DEFAULT));

        server.writeInbound(ascii("GET / HTTP/1.0\r\n\r\n"));

        assertThat(readOutboundText()).contains("Use https://HOST:PORT/ instead.");
    }

    @Test
    void ignoresAHostHeaderThatIsNotAHostName() {
        serverWithProbe(serverContext.newHandler(ByteBufAllocator.DEFAULT));

        server.writeInbound(ascii("GET / HTTP/1.1\r\nHost: <script>alert(1)</script>\r\n\r\n"));

        assertThat(readOutboundText()).doesNotContain("<script>").contains("https://HOST:PORT/");
    }

    @Test
    void closesOnGarbageAndQuotesIt() {
        serverWithProbe(serverContext.newHandler(ByteBufAllocator.DEFAULT));

        server.writeInbound(Unpooled.wrappedBuffer(new byte[] {0x00, 0x01, 'a'}));

        assertThat(server.isOpen()).isFalse();
        assertThat(server.<Object>readOutbound()).isNull();
        assertThat(rejections).singleElement().satisfies(e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.PROTOCOL_ERROR);
            assertThat(e.getMessage()).startsWith("'\\x00\\x01a' arrived from " + server.remoteAddress()
                    + " where a TLS handshake belongs.");
        });
    }

    @Test
    void treatsAPlainTextPreambleAsGarbage() {
        serverWithProbe(serverContext.newHandler(ByteBufAllocator.DEFAULT));

        server.writeInbound(ascii("TENTACLE/1 CLIENT\r\n"));

        assertThat(rejections).singleElement().satisfies(e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.PROTOCOL_ERROR);
            assertThat(e.getMessage()).startsWith("'TENTACLE/1 CLIENT\\x0D\\x0A' arrived from");
        });
    }

    @Test
    void rejectsAHandshakeRecordWithTheWrongVersionByte() {
        serverWithProbe(serverContext.newHandler(ByteBufAllocator.DEFAULT));

        server.writeInbound(Unpooled.wrappedBuffer(new byte[] {0x16, 0x02, 0x00}));

        assertThat(rejections).singleElement().satisfies(e -> assertThat(e.code()).isEqualTo(ErrorCode.PROTOCOL_ERROR));
        assertThat(server.isOpen()).isFalse();
    }

    @Test
    void rejectsAnUppercaseWordTooLongToBeAMethod() {
        serverWithProbe(serverContext.newHandler(ByteBufAllocator.DEFAULT));

        server.writeInbound(ascii("A".repeat(20)));
        assertThat(rejections).isEmpty();
        server.writeInbound(ascii("A"));

        assertThat(rejections).singleElement().satisfies(e -> assertThat(e.code()).isEqualTo(ErrorCode.PROTOCOL_ERROR));
    }

    @Test
    void releasesTheUnusedTlsEngineWhenThePeerDoesNotSpeakTls() throws Exception {
        assumeTrue(OpenSsl.isAvailable(), "needs the OpenSSL provider, whose engines are reference counted");
        SslContext openSsl = SslContextBuilder.forServer(certificate.privateKey(), certificate.certificate())
                .sslProvider(SslProvider.OPENSSL_REFCNT).build();
        SslHandler handler = openSsl.newHandler(ByteBufAllocator.DEFAULT);
        ReferenceCounted engine = (ReferenceCounted) handler.engine();
        serverWithProbe(handler);

        server.writeInbound(ascii("GET / HTTP/1.1\r\n\r\n"));
        server.close();

        assertThat(engine.refCnt()).isZero();
        ReferenceCountUtil.release(openSsl);
    }

    private static void completeHandshake(EmbeddedChannel client, EmbeddedChannel server) {
        SslHandler clientTls = client.pipeline().get(SslHandler.class);
        SslHandler serverTls = server.pipeline().get(SslHandler.class);
        for (int round = 0; round < 20 && !(clientTls.handshakeFuture().isDone() && serverTls.handshakeFuture().isDone()); round++) {
            byte[] toServer = drain(client);
            if (toServer.length > 0) {
                server.writeInbound(Unpooled.wrappedBuffer(toServer));
            }
            byte[] toClient = drain(server);
            if (toClient.length > 0) {
                client.writeInbound(Unpooled.wrappedBuffer(toClient));
            }
        }
        assertThat(clientTls.handshakeFuture().isSuccess()).as("client handshake").isTrue();
        assertThat(serverTls.handshakeFuture().isSuccess()).as("server handshake").isTrue();
    }

    private static byte[] drain(EmbeddedChannel channel) {
        channel.runPendingTasks();
        ByteBuf all = Unpooled.buffer();
        for (ByteBuf buf; (buf = channel.readOutbound()) != null; ) {
            all.writeBytes(buf);
            buf.release();
        }
        byte[] bytes = ByteBufUtil.getBytes(all);
        all.release();
        return bytes;
    }

    private String readOutboundText() {
        ByteBuf written = server.readOutbound();
        try {
            return written.toString(StandardCharsets.UTF_8);
        } finally {
            written.release();
        }
    }

    private static ByteBuf ascii(String text) {
        return Unpooled.copiedBuffer(text, StandardCharsets.US_ASCII);
    }
}

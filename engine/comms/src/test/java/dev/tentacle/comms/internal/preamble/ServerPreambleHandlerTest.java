package dev.tentacle.comms.internal.preamble;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tentacle.comms.CommsException;
import dev.tentacle.comms.ErrorCode;
import dev.tentacle.comms.internal.testing.PipelineRecorder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ServerPreambleHandlerTest {
    private static final WelcomePage PAGE = new WelcomePage("Tentacle listening endpoint", "1.2.3");

    private final List<SocketAddress> welcomePagesServed = new ArrayList<>();
    private final PipelineRecorder recorder = new PipelineRecorder();
    private final EmbeddedChannel channel =
            new EmbeddedChannel(new ServerPreambleHandler(PAGE, welcomePagesServed::add), recorder);

    @AfterEach
    void releaseEverything() {
        channel.finishAndReleaseAll();
    }

    @Test
    void firesTheClientIdentityAndStepsAside() {
        channel.writeInbound(ascii("TENTACLE/1 CLIENT\r\n"));

        assertThat(recorder.userEvents()).containsExactly(new PreambleReceived(Preamble.Identity.client()));
        assertThat(channel.pipeline().get(ServerPreambleHandler.class)).isNull();
        assertThat(channel.<Object>readOutbound()).as("the handler leaves the answer to the connection code").isNull();
        assertThat(channel.isOpen()).isTrue();
        assertThat(recorder.exceptions()).isEmpty();
    }

    @Test
    void firesTheSubscriberIdentity() {
        channel.writeInbound(ascii("TENTACLE/1 SUBSCRIBER poll://web-01/\r\n"));

        assertThat(recorder.userEvents()).containsExactly(new PreambleReceived(Preamble.Identity.subscriber("web-01")));
    }

    @Test
    void readsAnIdentityArrivingOneByteAtATime() {
        byte[] line = "TENTACLE/1 CLIENT\r\n".getBytes(StandardCharsets.US_ASCII);

        for (int i = 0; i < line.length - 1; i++) {
            channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {line[i]}));
        }
        assertThat(recorder.userEvents()).isEmpty();
        channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {line[line.length - 1]}));

        assertThat(recorder.userEvents()).containsExactly(new PreambleReceived(Preamble.Identity.client()));
    }

    @Test
    void bytesAfterTheLineReachTheNextHandlerAfterTheEvent() {
        List<String> seen = new ArrayList<>();
        channel.pipeline().addBefore(channel.pipeline().context(recorder).name(), "order", new ChannelInboundHandlerAdapter() {
            @Override
            public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
                seen.add("event");
                ctx.fireUserEventTriggered(evt);
            }

            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                seen.add("bytes: " + ((ByteBuf) msg).toString(StandardCharsets.US_ASCII));
                ctx.fireChannelRead(msg);
            }
        });

        channel.writeInbound(ascii("TENTACLE/1 CLIENT\r\nframe-bytes"));
        channel.writeInbound(ascii("more"));

        assertThat(seen).containsExactly("event", "bytes: frame-bytes", "bytes: more");
        assertThat(readInboundText()).isEqualTo("frame-bytes");
        assertThat(readInboundText()).isEqualTo("more");
    }

    @Test
    void acceptWritesTheServerLine() {
        channel.writeInbound(ascii("TENTACLE/1 CLIENT\r\n"));

        ServerPreambleHandler.accept(channel);

        assertThat(readOutboundText()).isEqualTo("TENTACLE/1 SERVER\r\n");
        assertThat(channel.isOpen()).isTrue();
    }

    @Test
    void rejectWritesTheCodeAndMessageThenCloses() {
        channel.writeInbound(ascii("TENTACLE/1 CLIENT\r\n"));

        ServerPreambleHandler.reject(channel, new CommsException(ErrorCode.UNTRUSTED_PEER,
                "This endpoint does not trust the client certificate (SHA-1 AB, SHA-256 CD)."));

        assertThat(readOutboundText()).isEqualTo("TENTACLE/1 REJECTED UNTRUSTED_PEER This endpoint does not trust the "
                + "client certificate (SHA-1 AB, SHA-256 CD).\r\n");
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void theEventReceiverCanAcceptBeforeTheFramesThatFollowedTheLineArrive() {
        List<String> seen = new ArrayList<>();
        channel.pipeline().addBefore(channel.pipeline().context(recorder).name(), "connection", new ChannelInboundHandlerAdapter() {
            @Override
            public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
                ServerPreambleHandler.accept(ctx);
                seen.add("accepted");
            }

            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                seen.add("bytes: " + ((ByteBuf) msg).toString(StandardCharsets.US_ASCII));
                ((ByteBuf) msg).release();
            }
        });

        channel.writeInbound(ascii("TENTACLE/1 CLIENT\r\nframes"));

        assertThat(seen).containsExactly("accepted", "bytes: frames");
        assertThat(readOutboundText()).isEqualTo("TENTACLE/1 SERVER\r\n");
    }

    @Test
    void theEventReceiverCanRejectAndClose() {
        channel.pipeline().addBefore(channel.pipeline().context(recorder).name(), "connection", new ChannelInboundHandlerAdapter() {
            @Override
            public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
                ServerPreambleHandler.reject(ctx, new CommsException(ErrorCode.UNTRUSTED_PEER, "Not trusted."));
                ctx.channel().close();
            }
        });

        channel.writeInbound(ascii("TENTACLE/1 CLIENT\r\nframes"));

        assertThat(readOutboundText()).isEqualTo("TENTACLE/1 REJECTED UNTRUSTED_PEER Not trusted.\r\n");
        assertThat(channel.isOpen()).isFalse();
        assertThat(recorder.exceptions()).isEmpty();
    }

    @Test
    void servesTheWelcomePageToABrowser() {
        channel.writeInbound(ascii("GET / HTTP/1.1\r\nHost: localhost:10933\r\nAccept: text/html\r\n\r\n"));

        String response = readOutboundText();
        assertThat(response).startsWith("HTTP/1.1 200 OK\r\n")
                .contains("\r\nContent-Type: text/html; charset=utf-8\r\n")
                .contains("\r\nConnection: close\r\n");
        String body = response.substring(response.indexOf("\r\n\r\n") + 4);
        assertThat(response).contains("\r\nContent-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n");
        assertThat(body).isEqualTo(PAGE.html())
                .contains("<title>Tentacle listening endpoint</title>")
                .contains("This endpoint is working.")
                .contains("mutual TLS")
                .contains("1.2.3")
                .doesNotContain("http://", "https://", "src=", "<script", "<link");
        assertThat(welcomePagesServed).containsExactly(channel.remoteAddress());
        assertThat(channel.isOpen()).isFalse();
        assertThat(recorder.userEvents()).isEmpty();
        assertThat(recorder.exceptions()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET /favicon.ico HTTP/1.1", "GET /any/path?x=1 HTTP/1.0", "POST /submit HTTP/1.1",
        "OPTIONS * HTTP/1.1"})
    void servesTheSamePageForAnyMethodAndPath(String requestLine) {
        channel.writeInbound(ascii(requestLine + "\r\n\r\n"));

        assertThat(readOutboundText()).startsWith("HTTP/1.1 200 OK\r\n").endsWith(PAGE.html());
        assertThat(welcomePagesServed).hasSize(1);
    }

    @Test
    void answersHeadWithTheHeadersOnly() {
        channel.writeInbound(ascii("HEAD / HTTP/1.1\r\nHost: x\r\n\r\n"));

        String response = readOutboundText();
        int bodyLength = PAGE.html().getBytes(StandardCharsets.UTF_8).length;
        assertThat(response).startsWith("HTTP/1.1 200 OK\r\n")
                .contains("\r\nContent-Length: " + bodyLength + "\r\n")
                .endsWith("\r\n\r\n");
        assertThat(welcomePagesServed).hasSize(1);
    }

    @Test
    void waitsForTheWholeRequestHeadBeforeAnswering() {
        channel.writeInbound(ascii("GET / HTTP/1.1\r\n"));
        channel.writeInbound(ascii("Host: localhost\r\n\r"));
        assertThat(channel.<Object>readOutbound()).isNull();
        assertThat(welcomePagesServed).isEmpty();

        channel.writeInbound(ascii("\n"));

        assertThat(readOutboundText()).startsWith("HTTP/1.1 200 OK\r\n");
        assertThat(welcomePagesServed).hasSize(1);
    }

    @Test
    void acceptsARequestWithBareLineFeeds() {
        channel.writeInbound(ascii("GET / HTTP/1.0\n\n"));

        assertThat(readOutboundText()).startsWith("HTTP/1.1 200 OK\r\n");
    }

    @Test
    void servesTheWelcomePageForARequestLineLongerThanThePreambleLimit() {
        channel.writeInbound(ascii("GET /" + "a".repeat(2000) + " HTTP/1.1\r\nHost: x\r\n\r\n"));

        assertThat(readOutboundText()).startsWith("HTTP/1.1 200 OK\r\n");
        assertThat(recorder.exceptions()).isEmpty();
    }

    @Test
    void reportsAProxyOrFirewallAnsweringInPlaceOfThePeer() {
        channel.writeInbound(ascii("HTTP/1.0 200 OK\r\nContent-Type: text/html\r\n\r\n<html>Blocked</html>"));

        CommsException error = onlyException();
        assertThat(error.code()).isEqualTo(ErrorCode.PROXY_OR_FIREWALL_IN_PATH);
        assertThat(error.getMessage()).startsWith("Unknown identity 'HTTP/1.0 200 OK': a proxy or firewall in the "
                + "network path answered instead of the connecting Tentacle or Octopus Server.");
        assertThat(readOutboundText()).startsWith("TENTACLE/1 REJECTED PROXY_OR_FIREWALL_IN_PATH Unknown identity");
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void rejectsAnUnknownLineWithAProtocolErrorQuotingIt() {
        channel.writeInbound(ascii("HELLO THERE\r\n"));

        CommsException error = onlyException();
        assertThat(error.code()).isEqualTo(ErrorCode.PROTOCOL_ERROR);
        assertThat(error.getMessage()).startsWith("Unknown identity 'HELLO THERE': expected 'TENTACLE/1 CLIENT'");
        assertThat(readOutboundText()).isEqualTo("TENTACLE/1 REJECTED PROTOCOL_ERROR " + error.getMessage() + "\r\n");
        assertThat(channel.isOpen()).isFalse();
        assertThat(recorder.userEvents()).isEmpty();
    }

    @Test
    void rejectsALongLineWithoutALineEndAfter1024Bytes() {
        channel.writeInbound(ascii("x".repeat(1023)));
        assertThat(recorder.exceptions()).isEmpty();

        channel.writeInbound(ascii("x"));

        CommsException error = onlyException();
        assertThat(error.code()).isEqualTo(ErrorCode.PROTOCOL_ERROR);
        assertThat(error.getMessage()).contains("1024 bytes arrived without a line end, starting '" + "x".repeat(60) + "...'");
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void rejectsAnIdentityEndingInABareLineFeed() {
        channel.writeInbound(ascii("TENTACLE/1 CLIENT\n"));

        assertThat(onlyException().getMessage()).contains("ended with a bare LF; preamble lines end with CR LF");
    }

    @Test
    void quotesBinaryGarbagePrintably() {
        channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {0x16, 0x03, 0x01, 0x00, (byte) 0xC8, '\r', '\n'}));

        assertThat(onlyException().getMessage()).startsWith("Unknown identity '\\x16\\x03\\x01\\x00\\xC8'");
    }

    @Test
    void ignoresEverythingAfterAnError() {
        channel.writeInbound(ascii("NONSENSE\r\nTENTACLE/1 CLIENT\r\n"));

        assertThat(recorder.exceptions()).hasSize(1);
        assertThat(recorder.userEvents()).isEmpty();
        assertThat(channel.<Object>readInbound()).isNull();
    }

    private CommsException onlyException() {
        assertThat(recorder.exceptions()).hasSize(1);
        return (CommsException) recorder.exceptions().getFirst();
    }

    private String readOutboundText() {
        ByteBuf written = channel.readOutbound();
        try {
            return written.toString(StandardCharsets.UTF_8);
        } finally {
            written.release();
        }
    }

    private String readInboundText() {
        ByteBuf read = channel.readInbound();
        try {
            return read.toString(StandardCharsets.US_ASCII);
        } finally {
            read.release();
        }
    }

    private static ByteBuf ascii(String text) {
        return Unpooled.copiedBuffer(text, StandardCharsets.US_ASCII);
    }
}

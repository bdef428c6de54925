package dev.tentacle.comms.internal.preamble;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tentacle.comms.CommsException;
import dev.tentacle.comms.ErrorCode;
import dev.tentacle.comms.internal.framing.Frame;
import dev.tentacle.comms.internal.framing.FrameDecoder;
import dev.tentacle.comms.internal.testing.PipelineRecorder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.concurrent.DefaultPromise;
import io.netty.util.concurrent.ImmediateEventExecutor;
import io.netty.util.concurrent.Promise;
import java.nio.charset.StandardCharsets;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ClientPreambleHandlerTest {
    private final Promise<Void> accepted = new DefaultPromise<>(ImmediateEventExecutor.INSTANCE);
    private final PipelineRecorder recorder = new PipelineRecorder();
    private EmbeddedChannel channel = new EmbeddedChannel(
            new ClientPreambleHandler(Preamble.Identity.client(), accepted), recorder);

    @AfterEach
    void releaseEverything() {
        channel.finishAndReleaseAll();
    }

    @Test
    void sendsTheIdentityAsSoonAsItIsAddedToAnActiveChannel() {
        assertThat(readOutboundText()).isEqualTo("TENTACLE/1 CLIENT\r\n");
        assertThat(channel.<Object>readOutbound()).isNull();
        assertThat(accepted.isDone()).isFalse();
    }

    @Test
    void sendsTheIdentityWhenTheChannelBecomesActive() throws Exception {
        channel.finishAndReleaseAll();
        channel = new EmbeddedChannel(false, false,
                new ClientPreambleHandler(Preamble.Identity.subscriber("Web-01"), accepted));
        assertThat(channel.<Object>readOutbound()).isNull();

        channel.register();

        assertThat(readOutboundText()).isEqualTo("TENTACLE/1 SUBSCRIBER poll://web-01/\r\n");
        assertThat(channel.<Object>readOutbound()).as("sent once").isNull();
    }

    @Test
    void completesWhenTheServerAcceptsAndStepsAside() {
        channel.writeInbound(ascii("TENTACLE/1 SERVER\r\n"));

        assertThat(accepted.isSuccess()).isTrue();
        assertThat(channel.pipeline().get(ClientPreambleHandler.class)).isNull();
        assertThat(channel.isOpen()).isTrue();
    }

    @Test
    void readsTheReplyArrivingOneByteAtATime() {
        byte[] reply = "TENTACLE/1 SERVER\r\n".getBytes(StandardCharsets.US_ASCII);

        for (int i = 0; i < reply.length - 1; i++) {
            channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {reply[i]}));
        }
        assertThat(accepted.isDone()).isFalse();
        channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {reply[reply.length - 1]}));

        assertThat(accepted.isSuccess()).isTrue();
    }

    @Test
    void framesSentRightAfterTheReplyReachAHandlerAddedWhenTheServerAccepts() {
        accepted.addListener(f -> channel.pipeline().addLast(new FrameDecoder(4096)));
        ByteBuf replyAndFrame = Unpooled.buffer()
                .writeBytes("TENTACLE/1 SERVER\r\n".getBytes(StandardCharsets.US_ASCII))
                .writeInt(9).writeByte(0x08).writeLong(77);

        channel.writeInbound(replyAndFrame);

        Frame frame = channel.readInbound();
        assertThat(frame).isEqualTo(Frame.ping(77));
        frame.release();
    }

    @Test
    void failsWithTheServersCodeAndMessageWhenRejected() {
        channel.writeInbound(ascii("TENTACLE/1 REJECTED UNTRUSTED_PEER The server does not trust this client's "
                + "certificate (SHA-1 AB, SHA-256 CD).\r\n"));

        CommsException error = failure();
        assertThat(error.code()).isEqualTo(ErrorCode.UNTRUSTED_PEER);
        assertThat(error.getMessage())
                .isEqualTo("The server does not trust this client's certificate (SHA-1 AB, SHA-256 CD).");
        assertThat(channel.isOpen()).isFalse();
        assertThat(recorder.exceptions()).as("the promise is the only report").isEmpty();
    }

    @Test
    void reportsAProxyOrFirewallAnsweringInPlaceOfTheServer() {
        channel.writeInbound(ascii("HTTP/1.0 403 Forbidden\r\nContent-Type: text/html\r\n\r\nBlocked by policy"));

        CommsException error = failure();
        assertThat(error.code()).isEqualTo(ErrorCode.PROXY_OR_FIREWALL_IN_PATH);
        assertThat(error.getMessage()).startsWith("Unknown identity 'HTTP/1.0 403 Forbidden': a proxy or firewall in "
                + "the network path answered instead of the Tentacle or Octopus Server.");
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void rejectsAnUnknownReplyAsAProtocolError() {
        channel.writeInbound(ascii("SSH-2.0-OpenSSH_9.6\r\n"));

        CommsException error = failure();
        assertThat(error.code()).isEqualTo(ErrorCode.PROTOCOL_ERROR);
        assertThat(error.getMessage()).startsWith("Unknown reply 'SSH-2.0-OpenSSH_9.6': expected 'TENTACLE/1 SERVER'");
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void rejectsAReplyWithAnUnknownErrorCode() {
        channel.writeInbound(ascii("TENTACLE/1 REJECTED NOT_A_CODE Some reason\r\n"));

        assertThat(failure().code()).isEqualTo(ErrorCode.PROTOCOL_ERROR);
    }

    @Test
    void rejectsAReplyEndingInABareLineFeed() {
        channel.writeInbound(ascii("TENTACLE/1 SERVER\n"));

        CommsException error = failure();
        assertThat(error.code()).isEqualTo(ErrorCode.PROTOCOL_ERROR);
        assertThat(error.getMessage()).contains("ended with a bare LF; preamble lines end with CR LF");
    }

    @Test
    void rejectsAReplyWithoutALineEndAfter1024Bytes() {
        channel.writeInbound(ascii("y".repeat(1024)));

        CommsException error = failure();
        assertThat(error.code()).isEqualTo(ErrorCode.PROTOCOL_ERROR);
        assertThat(error.getMessage()).startsWith("1024 bytes arrived without a line end");
    }

    @Test
    void reportsTheServerClosingWithoutAnAnswer() {
        channel.close();

        CommsException error = failure();
        assertThat(error.code()).isEqualTo(ErrorCode.CONNECTION_LOST);
        assertThat(error.getMessage()).contains("without answering").contains("trusts this side's thumbprint");
    }

    @Test
    void passesOnAnExceptionFromThePipelineAsTheFailure() {
        SSLHandshakeException alert = new SSLHandshakeException("Received fatal alert: certificate_unknown");

        channel.pipeline().fireExceptionCaught(alert);

        assertThat(accepted.cause()).isSameAs(alert);
        assertThat(channel.isOpen()).isFalse();
        assertThat(recorder.exceptions()).isEmpty();
    }

    private CommsException failure() {
        assertThat(accepted.isDone()).isTrue();
        assertThat(accepted.cause()).isInstanceOf(CommsException.class);
        return (CommsException) accepted.cause();
    }

    private String readOutboundText() {
        ByteBuf written = channel.readOutbound();
        try {
            return written.toString(StandardCharsets.US_ASCII);
        } finally {
            written.release();
        }
    }

    private static ByteBuf ascii(String text) {
        return Unpooled.copiedBuffer(text, StandardCharsets.US_ASCII);
    }
}

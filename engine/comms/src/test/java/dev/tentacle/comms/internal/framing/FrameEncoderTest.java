package dev.tentacle.comms.internal.framing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tentacle.comms.CommsException;
import dev.tentacle.comms.ErrorCode;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class FrameEncoderTest {
    private static final int MAX = 4096;

    private final EmbeddedChannel channel = new EmbeddedChannel(new FrameEncoder(MAX));

    @AfterEach
    void releaseEverything() {
        channel.finishAndReleaseAll();
    }

    @Test
    void writesTheLengthTypeIdAndPayloadBigEndian() {
        channel.writeOutbound(Frame.of(FrameType.REQUEST, 0x0102030405060708L, ascii("hi")));

        ByteBuf wire = channel.readOutbound();
        try {
            assertThat(ByteBufUtil.hexDump(wire)).isEqualTo("0000000b" + "01" + "0102030405060708" + "6869");
        } finally {
            wire.release();
        }
    }

    @Test
    void writesAPingAsThirteenBytes() {
        channel.writeOutbound(Frame.ping(-1));

        ByteBuf wire = channel.readOutbound();
        try {
            assertThat(ByteBufUtil.hexDump(wire)).isEqualTo("00000009" + "08" + "ffffffffffffffff");
        } finally {
            wire.release();
        }
    }

    @Test
    void encodesTheExamplesInTheProtocolDocumentAsShownThere() {
        assertThat(encodeToHex(Frame.ping(1))).isEqualTo("00000009" + "08" + "0000000000000001");
        assertThat(encodeToHex(Frame.of(FrameType.REQUEST, 258, ascii("hi"))))
                .isEqualTo("0000000b" + "01" + "0000000000000102" + "6869");
        assertThat(encodeToHex(Frame.of(FrameType.STREAM_WINDOW, 7, Unpooled.buffer(6).writeShort(0).writeInt(65_536))))
                .isEqualTo("0000000f" + "07" + "0000000000000007" + "0000" + "00010000");
    }

    private String encodeToHex(Frame frame) {
        channel.writeOutbound(frame);
        ByteBuf wire = channel.readOutbound();
        try {
            return ByteBufUtil.hexDump(wire);
        } finally {
            wire.release();
        }
    }

    @ParameterizedTest
    @EnumSource(FrameType.class)
    void everyTypeRoundTripsThroughTheDecoder(FrameType type) {
        EmbeddedChannel decoder = new EmbeddedChannel(new FrameDecoder(MAX));
        byte[] payload = new byte[1000];
        for (int i = 0; i < payload.length; i++) {
            payload[i] = (byte) i;
        }
        channel.writeOutbound(Frame.of(type, Long.MIN_VALUE + type.code(), Unpooled.wrappedBuffer(payload)));

        decoder.writeInbound((ByteBuf) channel.readOutbound());

        Frame decoded = decoder.readInbound();
        try {
            assertThat(decoded.type()).isEqualTo(type);
            assertThat(decoded.id()).isEqualTo(Long.MIN_VALUE + type.code());
            assertThat(ByteBufUtil.getBytes(decoded.payload())).isEqualTo(payload);
        } finally {
            decoded.release();
            decoder.finishAndReleaseAll();
        }
    }

    @Test
    void sendsALargePayloadWithoutCopyingIt() {
        ByteBuf payload = Unpooled.wrappedBuffer(new byte[1000]);

        channel.writeOutbound(Frame.of(FrameType.STREAM_DATA, 7, payload));

        ByteBuf wire = channel.readOutbound();
        try {
            assertThat(wire).isInstanceOf(CompositeByteBuf.class);
            assertThat(((CompositeByteBuf) wire).component(1).unwrap()).isSameAs(payload);
            assertThat(wire.readableBytes()).isEqualTo(4 + 9 + 1000);
        } finally {
            wire.release();
        }
        assertThat(payload.refCnt()).isZero();
    }

    @Test
    void copiesASmallPayloadNextToTheHeaderAndReleasesIt() {
        ByteBuf payload = ascii("small");

        channel.writeOutbound(Frame.of(FrameType.RESPONSE, 7, payload));

        ByteBuf wire = channel.readOutbound();
        try {
            assertThat(wire).isNotInstanceOf(CompositeByteBuf.class);
            assertThat(wire.readableBytes()).isEqualTo(4 + 9 + 5);
        } finally {
            wire.release();
        }
        assertThat(payload.refCnt()).isZero();
    }

    @Test
    void refusesToSendAFrameOverTheMaximumAndReleasesIt() {
        ByteBuf payload = Unpooled.wrappedBuffer(new byte[MAX - 8]);

        ChannelFuture write = channel.writeAndFlush(Frame.of(FrameType.RESPONSE, 1, payload));

        assertThat(write.isSuccess()).isFalse();
        assertThat(write.cause()).isInstanceOfSatisfying(CommsException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.FRAME_TOO_LARGE);
            assertThat(e.getMessage()).contains("Cannot send a RESPONSE frame of 4097 bytes: the maximum is 4096 bytes "
                    + "(CommsOptions.maxFrameSize)");
        });
        assertThat(payload.refCnt()).isZero();
        assertThat(channel.<Object>readOutbound()).isNull();
    }

    @Test
    void sendsAFrameOfExactlyTheMaximum() {
        channel.writeOutbound(Frame.of(FrameType.RESPONSE, 1, Unpooled.wrappedBuffer(new byte[MAX - 9])));

        ByteBuf wire = channel.readOutbound();
        try {
            assertThat(wire.readableBytes()).isEqualTo(4 + MAX);
        } finally {
            wire.release();
        }
    }

    @Test
    void passesOtherMessagesThroughUnchanged() {
        ByteBuf line = ascii("TENTACLE/1 SERVER\r\n");

        channel.writeOutbound(line);

        ByteBuf written = channel.readOutbound();
        assertThat(written).isSameAs(line);
        written.release();
    }

    private static ByteBuf ascii(String text) {
        return Unpooled.copiedBuffer(text, StandardCharsets.US_ASCII);
    }
}

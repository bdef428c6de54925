package dev.tentacle.comms.internal.framing;

import static dev.tentacle.comms.internal.framing.FrameBytes.concat;
import static dev.tentacle.comms.internal.framing.FrameBytes.frame;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.tentacle.comms.CommsException;
import dev.tentacle.comms.ErrorCode;
import dev.tentacle.comms.internal.testing.PipelineRecorder;
import dev.tentacle.comms.internal.testing.RecordingAllocator;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class FrameDecoderTest {
    private static final int MAX = 4096;

    private final PipelineRecorder recorder = new PipelineRecorder();
    private final RecordingAllocator allocator = new RecordingAllocator();
    private final EmbeddedChannel channel = newChannel();

    private EmbeddedChannel newChannel() {
        EmbeddedChannel ch = new EmbeddedChannel();
        ch.config().setAllocator(allocator);
        ch.pipeline().addLast(new FrameDecoder(MAX), recorder);
        return ch;
    }

    @AfterEach
    void releaseEverything() {
        channel.finishAndReleaseAll();
    }

    @ParameterizedTest
    @EnumSource(FrameType.class)
    void decodesEveryFrameType(FrameType type) {
        channel.writeInbound(Unpooled.wrappedBuffer(frame(type.code(), -7L, bytes("payload"))));

        Frame frame = channel.readInbound();
        try {
            assertThat(frame.type()).isEqualTo(type);
            assertThat(frame.id()).isEqualTo(-7L);
            assertThat(frame.payload().toString(StandardCharsets.US_ASCII)).isEqualTo("payload");
        } finally {
            frame.release();
        }
        assertThat(recorder.exceptions()).isEmpty();
    }

    @Test
    void decodesAFrameWithAnEmptyPayload() {
        channel.writeInbound(Unpooled.wrappedBuffer(frame(FrameType.PING.code(), 42, new byte[0])));

        Frame frame = channel.readInbound();
        assertThat(frame).isEqualTo(Frame.ping(42));
        assertThat(frame.payload().readableBytes()).isZero();
    }

    @Test
    void decodesAFrameArrivingOneByteAtATime() {
        byte[] wire = frame(FrameType.REQUEST.code(), 99, bytes("hello, tentacle"));

        for (int i = 0; i < wire.length - 1; i++) {
            channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {wire[i]}));
            assertThat(channel.<Object>readInbound()).as("frame after %d of %d bytes", i + 1, wire.length).isNull();
        }
        channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {wire[wire.length - 1]}));

        Frame frame = channel.readInbound();
        try {
            assertThat(frame.id()).isEqualTo(99);
            assertThat(frame.payload().toString(StandardCharsets.US_ASCII)).isEqualTo("hello, tentacle");
        } finally {
            frame.release();
        }
    }

    @Test
    void decodesSeveralFramesFromOneBuffer() {
        byte[] wire = concat(
                frame(FrameType.REQUEST.code(), 1, bytes("one")),
                frame(FrameType.PING.code(), 2, new byte[0]),
                frame(FrameType.RESPONSE.code(), 1, bytes("three")));

        channel.writeInbound(Unpooled.wrappedBuffer(wire));

        Frame first = channel.readInbound();
        Frame second = channel.readInbound();
        Frame third = channel.readInbound();
        try {
            assertThat(first.type()).isEqualTo(FrameType.REQUEST);
            assertThat(second).isEqualTo(Frame.ping(2));
            assertThat(third.type()).isEqualTo(FrameType.RESPONSE);
            assertThat(third.payload().toString(StandardCharsets.US_ASCII)).isEqualTo("three");
            assertThat(channel.<Object>readInbound()).isNull();
        } finally {
            first.release();
            second.release();
            third.release();
        }
    }

    @Test
    void decodesAFrameSplitAcrossBuffersWithTheNextFrameAttached() {
        byte[] wire = concat(frame(FrameType.STREAM_DATA.code(), 5, bytes("abcdef")),
                frame(FrameType.STREAM_END.code(), 5, new byte[0]));

        channel.writeInbound(Unpooled.wrappedBuffer(wire, 0, 10));
        assertThat(channel.<Object>readInbound()).isNull();
        channel.writeInbound(Unpooled.wrappedBuffer(wire, 10, wire.length - 10));

        Frame data = channel.readInbound();
        Frame end = channel.readInbound();
        try {
            assertThat(data.payload().toString(StandardCharsets.US_ASCII)).isEqualTo("abcdef");
            assertThat(end).isEqualTo(Frame.of(FrameType.STREAM_END, 5, Unpooled.EMPTY_BUFFER));
        } finally {
            data.release();
            end.release();
        }
    }

    @Test
    void payloadSharesMemoryWithTheReceivedBytesInsteadOfCopyingThem() {
        byte[] wire = frame(FrameType.STREAM_DATA.code(), 3, bytes("original"));
        ByteBuf received = Unpooled.wrappedBuffer(wire);

        channel.writeInbound(received);
        Frame frame = channel.readInbound();
        try {
            wire[wire.length - 8] = 'O';
            assertThat(frame.payload().toString(StandardCharsets.US_ASCII)).isEqualTo("Original");
            assertThat(received.refCnt()).as("the frame holds the received buffer").isEqualTo(1);
        } finally {
            frame.release();
        }
        assertThat(received.refCnt()).isZero();
    }

    @Test
    void rejectsAHugeDeclaredLengthAsSoonAsTheLengthFieldArrives() {
        ByteBuf lengthOnly = Unpooled.wrappedBuffer(new byte[] {(byte) 0x80, 0, 0, 0}); // 2 GiB

        channel.writeInbound(lengthOnly);

        assertThat(recorder.exceptions()).singleElement()
                .isInstanceOfSatisfying(CommsException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.FRAME_TOO_LARGE);
                    assertThat(e.getMessage()).contains(
                            "a frame of 2147483648 bytes arrived; the maximum is 4096 bytes (CommsOptions.maxFrameSize)");
                });
        assertThat(allocator.largestRequest()).as("bytes allocated").isZero();
        assertThat(lengthOnly.refCnt()).isZero();
    }

    @Test
    void rejectsTheLargestPossibleDeclaredLength() {
        channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {-1, -1, -1, -1, 1}));

        assertThat(recorder.exceptions()).singleElement()
                .satisfies(e -> assertThat(e.getMessage()).contains("a frame of 4294967295 bytes arrived"));
        assertThat(allocator.largestRequest()).isZero();
    }

    @Test
    void acceptsAFrameOfExactlyTheMaximumSize() {
        channel.writeInbound(Unpooled.wrappedBuffer(frame(FrameType.RESPONSE.code(), 1, new byte[MAX - 9])));

        Frame frame = channel.readInbound();
        try {
            assertThat(frame.length()).isEqualTo(MAX);
        } finally {
            frame.release();
        }
        assertThat(recorder.exceptions()).isEmpty();
    }

    @Test
    void rejectsAFrameOneByteOverTheMaximumBeforeItsBodyArrives() {
        byte[] wire = frame(FrameType.RESPONSE.code(), 1, new byte[MAX - 8]);

        channel.writeInbound(Unpooled.wrappedBuffer(wire, 0, 4));

        assertThat(recorder.exceptions()).singleElement()
                .isInstanceOfSatisfying(CommsException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.FRAME_TOO_LARGE);
                    assertThat(e.getMessage()).contains("a frame of 4097 bytes arrived; the maximum is 4096 bytes");
                });
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 8})
    void rejectsALengthTooShortForTheHeader(int length) {
        channel.writeInbound(Unpooled.buffer().writeInt(length).writeZero(16));

        assertThat(recorder.exceptions()).singleElement()
                .isInstanceOfSatisfying(CommsException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.PROTOCOL_ERROR);
                    assertThat(e.getMessage()).contains("declared a length of " + length + " bytes")
                            .contains("at least 9");
                });
        assertThat(channel.<Object>readInbound()).isNull();
    }

    @ParameterizedTest
    @ValueSource(ints = {0x00, 0x0A, 0x7F, 0xFF})
    void rejectsAnUnknownTypeWithoutWaitingForTheBody(int typeCode) {
        channel.writeInbound(Unpooled.buffer().writeInt(MAX).writeByte(typeCode));

        assertThat(recorder.exceptions()).singleElement()
                .isInstanceOfSatisfying(CommsException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.PROTOCOL_ERROR);
                    assertThat(e.getMessage()).contains(String.format("unknown type 0x%02X", typeCode));
                });
    }

    @Test
    void discardsAllInputAfterAViolationWithoutBufferingIt() {
        channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {0x7F, 0, 0, 0}));
        ByteBuf validFrameAfterwards = Unpooled.wrappedBuffer(frame(FrameType.PING.code(), 1, new byte[0]));
        ByteBuf moreGarbage = Unpooled.wrappedBuffer(new byte[1000]);

        channel.writeInbound(validFrameAfterwards);
        channel.writeInbound(moreGarbage);

        assertThat(channel.<Object>readInbound()).isNull();
        assertThat(recorder.exceptions()).hasSize(1);
        assertThat(validFrameAfterwards.refCnt()).isZero();
        assertThat(moreGarbage.refCnt()).isZero();
        assertThat(allocator.largestRequest()).isZero();
    }

    @Test
    void refusesAMaximumBelowTheHeaderSize() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new FrameDecoder(8))
                .withMessageContaining("at least 9");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}

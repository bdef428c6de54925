package dev.tentacle.comms.internal.framing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tentacle.comms.CommsException;
import dev.tentacle.comms.internal.testing.PipelineRecorder;
import dev.tentacle.comms.internal.testing.RecordingAllocator;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class FrameCodecPropertiesTest {
    private static final int MAX = 4096;

    /** A frame's content, without reference counting, so jqwik can shrink and print it. */
    record FrameSpec(FrameType type, long id, byte[] payload) {
        @Override
        public String toString() {
            return type + " id=" + id + " " + payload.length + " bytes";
        }
    }

    @Property(tries = 300)
    void encodedFramesDecodeToTheSameFramesHoweverTheBytesAreSplit(
            @ForAll("frameSequences") List<FrameSpec> frames,
            @ForAll @IntRange(min = 1, max = 700) int chunkSize) {
        byte[] wire = encode(frames);
        EmbeddedChannel decoder = new EmbeddedChannel(new FrameDecoder(MAX));
        List<FrameSpec> decoded = new ArrayList<>();
        try {
            for (int offset = 0; offset < wire.length; offset += chunkSize) {
                decoder.writeInbound(Unpooled.wrappedBuffer(wire, offset, Math.min(chunkSize, wire.length - offset)));
                for (Frame frame; (frame = decoder.readInbound()) != null; ) {
                    decoded.add(new FrameSpec(frame.type(), frame.id(), ByteBufUtil.getBytes(frame.payload())));
                    frame.release();
                }
            }
        } finally {
            decoder.finishAndReleaseAll();
        }

        assertThat(decoded).usingRecursiveFieldByFieldElementComparator().isEqualTo(frames);
    }

    @Property(tries = 500)
    void garbageOnlyEverRaisesOneCommsExceptionAndNeverGrowsTheBufferBeyondOneFrame(
            @ForAll("garbage") byte[] garbage,
            @ForAll @IntRange(min = 1, max = 64) int chunkSize) {
        RecordingAllocator allocator = new RecordingAllocator();
        PipelineRecorder recorder = new PipelineRecorder();
        EmbeddedChannel decoder = new EmbeddedChannel();
        decoder.config().setAllocator(allocator);
        decoder.pipeline().addLast(new FrameDecoder(MAX), recorder);
        try {
            for (int offset = 0; offset < garbage.length; offset += chunkSize) {
                decoder.writeInbound(Unpooled.wrappedBuffer(garbage, offset, Math.min(chunkSize, garbage.length - offset)));
                for (Frame frame; (frame = decoder.readInbound()) != null; ) {
                    assertThat(frame.length()).isLessThanOrEqualTo(MAX);
                    frame.release();
                }
            }
        } finally {
            decoder.finishAndReleaseAll();
        }

        assertThat(recorder.exceptions()).hasSizeLessThanOrEqualTo(1).allSatisfy(
                e -> assertThat(e).isInstanceOf(CommsException.class));
        // The cumulation holds at most one incomplete frame plus the chunk that just arrived, rounded up the way
        // Netty grows buffers; a declared length never drives an allocation.
        int bound = allocator.calculateNewCapacity(Frame.LENGTH_FIELD_SIZE + MAX + chunkSize, Integer.MAX_VALUE);
        assertThat(allocator.largestRequest()).isLessThanOrEqualTo(bound);
    }

    @Provide
    Arbitrary<List<FrameSpec>> frameSequences() {
        return frames().list().ofMinSize(1).ofMaxSize(8);
    }

    /** Random bytes, and runs of frame-like segments whose lengths, types and bodies are slightly wrong. */
    @Provide
    Arbitrary<byte[]> garbage() {
        Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(20_000);
        Arbitrary<byte[]> segment = Combinators.combine(
                        Arbitraries.integers().between(0, MAX + 16),
                        Arbitraries.integers().between(0, 12),
                        Arbitraries.integers().between(0, MAX + 16))
                .as((length, type, bodySize) -> Unpooled.buffer().writeInt(length).writeByte(type).writeLong(length)
                        .writeZero(bodySize))
                .map(buf -> {
                    byte[] bytes = ByteBufUtil.getBytes(buf);
                    buf.release();
                    return bytes;
                });
        Arbitrary<byte[]> frameLike = segment.list().ofMaxSize(6).map(parts -> FrameBytes.concat(parts.toArray(byte[][]::new)));
        return Arbitraries.oneOf(random, frameLike);
    }

    private static Arbitrary<FrameSpec> frames() {
        Arbitrary<byte[]> payloads = Arbitraries.oneOf(
                Arbitraries.bytes().array(byte[].class).ofMaxSize(300),
                Arbitraries.bytes().array(byte[].class).ofMinSize(MAX - 9 - 100).ofMaxSize(MAX - 9));
        return Combinators.combine(Arbitraries.of(FrameType.class), Arbitraries.longs(), payloads).as(FrameSpec::new);
    }

    private static byte[] encode(List<FrameSpec> frames) {
        EmbeddedChannel encoder = new EmbeddedChannel(new FrameEncoder(MAX));
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        try {
            for (FrameSpec spec : frames) {
                encoder.writeOutbound(Frame.of(spec.type(), spec.id(), Unpooled.wrappedBuffer(spec.payload())));
                ByteBuf bytes = encoder.readOutbound();
                wire.writeBytes(ByteBufUtil.getBytes(bytes));
                bytes.release();
            }
        } finally {
            encoder.finishAndReleaseAll();
        }
        return wire.toByteArray();
    }
}

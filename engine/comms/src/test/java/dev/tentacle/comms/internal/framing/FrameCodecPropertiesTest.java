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
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Properties of the frame codec over many generated cases. Generation is seeded (see decision 0004): the seed in
 * a case's display name reproduces it.
 */
class FrameCodecPropertiesTest {
    private static final int MAX = 4096;
    private static final FrameType[] TYPES = FrameType.values();

    /** A frame's content, without reference counting, so it can be compared and printed. */
    record FrameSpec(FrameType type, long id, byte[] payload) {
        @Override
        public String toString() {
            return type + " id=" + id + " " + payload.length + " bytes";
        }
    }

    record Sequence(long seed, List<FrameSpec> frames, int chunkSize) {
        @Override
        public String toString() {
            return "seed " + seed + ": " + frames.size() + " frames in chunks of " + chunkSize;
        }
    }

    record Garbage(long seed, byte[] bytes, int chunkSize) {
        @Override
        public String toString() {
            return "seed " + seed + ": " + bytes.length + " bytes in chunks of " + chunkSize;
        }
    }

    static Stream<Sequence> sequences() {
        return IntStream.range(0, 300).mapToObj(seed -> {
            SplittableRandom random = new SplittableRandom(seed);
            List<FrameSpec> frames = new ArrayList<>();
            int count = random.nextInt(1, 9);
            for (int i = 0; i < count; i++) {
                int size = random.nextBoolean() ? random.nextInt(0, 301) : random.nextInt(MAX - 9 - 100, MAX - 9 + 1);
                frames.add(new FrameSpec(TYPES[random.nextInt(TYPES.length)], random.nextLong(), bytes(random, size)));
            }
            return new Sequence(seed, frames, random.nextInt(1, 701));
        });
    }

    /** Random bytes, and runs of frame-like segments whose lengths, types and bodies are slightly wrong. */
    static Stream<Garbage> garbage() {
        return IntStream.range(0, 500).mapToObj(seed -> {
            SplittableRandom random = new SplittableRandom(seed);
            byte[] bytes;
            if (random.nextBoolean()) {
                bytes = bytes(random, random.nextInt(0, 20_001));
            } else {
                int segments = random.nextInt(0, 7);
                byte[][] parts = new byte[segments][];
                for (int i = 0; i < segments; i++) {
                    int length = random.nextInt(0, MAX + 17);
                    ByteBuf buf = Unpooled.buffer().writeInt(length).writeByte(random.nextInt(0, 13)).writeLong(length)
                            .writeZero(random.nextInt(0, MAX + 17));
                    parts[i] = ByteBufUtil.getBytes(buf);
                    buf.release();
                }
                bytes = FrameBytes.concat(parts);
            }
            return new Garbage(seed, bytes, random.nextInt(1, 65));
        });
    }

    private static byte[] bytes(SplittableRandom random, int size) {
        byte[] bytes = new byte[size];
        random.nextBytes(bytes);
        return bytes;
    }

    @ParameterizedTest
    @MethodSource("sequences")
    void encodedFramesDecodeToTheSameFramesHoweverTheBytesAreSplit(Sequence sequence) {
        byte[] wire = encode(sequence.frames());
        int chunkSize = sequence.chunkSize();
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

        assertThat(decoded).usingRecursiveFieldByFieldElementComparator().isEqualTo(sequence.frames());
    }

    @ParameterizedTest
    @MethodSource("garbage")
    void garbageOnlyEverRaisesOneCommsExceptionAndNeverGrowsTheBufferBeyondOneFrame(Garbage garbage) {
        byte[] bytes = garbage.bytes();
        int chunkSize = garbage.chunkSize();
        RecordingAllocator allocator = new RecordingAllocator();
        PipelineRecorder recorder = new PipelineRecorder();
        EmbeddedChannel decoder = new EmbeddedChannel();
        decoder.config().setAllocator(allocator);
        decoder.pipeline().addLast(new FrameDecoder(MAX), recorder);
        try {
            for (int offset = 0; offset < bytes.length; offset += chunkSize) {
                decoder.writeInbound(Unpooled.wrappedBuffer(bytes, offset, Math.min(chunkSize, bytes.length - offset)));
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

package dev.tentacle.comms.internal.streams;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tentacle.comms.CommsException;
import dev.tentacle.comms.ErrorCode;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class StreamPayloadsTest {
    private static final ByteBufAllocator ALLOC = UnpooledByteBufAllocator.DEFAULT;

    private final List<ByteBuf> buffers = new ArrayList<>();

    @AfterEach
    void releaseBuffers() {
        buffers.forEach(ByteBuf::release);
    }

    private ByteBuf keep(ByteBuf buf) {
        buffers.add(buf);
        return buf;
    }

    private ByteBuf bytes(int... values) {
        ByteBuf buf = keep(Unpooled.buffer(values.length));
        for (int value : values) {
            buf.writeByte(value);
        }
        return buf;
    }

    private static Consumer<CommsException> protocolError() {
        return e -> assertThat(e.code()).isEqualTo(ErrorCode.PROTOCOL_ERROR);
    }

    // ---- STREAM_DATA

    @Test
    void dataIsTheIndexFollowedByTheBytes() {
        ByteBuf payload = keep(StreamPayloads.data(ALLOC, 0x0102, new byte[] {9, 8, 7}, 3));

        assertThat(ByteBufUtil.getBytes(payload)).containsExactly(0x01, 0x02, 9, 8, 7);
    }

    @Test
    void dataSendsOnlyTheGivenLengthOfTheBuffer() {
        ByteBuf payload = keep(StreamPayloads.data(ALLOC, 1, new byte[] {9, 8, 7, 6}, 2));

        assertThat(StreamPayloads.readDataIndex(payload)).isEqualTo(1);
        assertThat(ByteBufUtil.getBytes(payload)).containsExactly(9, 8);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 255, 256, 32767, 32768, 65535})
    void readingTheDataIndexLeavesTheReaderAtTheData(int index) {
        ByteBuf payload = keep(StreamPayloads.data(ALLOC, index, new byte[] {42, 43}, 2));

        assertThat(StreamPayloads.readDataIndex(payload)).isEqualTo(index);
        assertThat(ByteBufUtil.getBytes(payload)).containsExactly(42, 43);
    }

    @Test
    void dataMayBeEmpty() {
        ByteBuf payload = keep(StreamPayloads.data(ALLOC, 3, new byte[0], 0));

        assertThat(StreamPayloads.readDataIndex(payload)).isEqualTo(3);
        assertThat(payload.isReadable()).isFalse();
    }

    // ---- STREAM_END

    @ParameterizedTest
    @ValueSource(ints = {StreamPayloads.STATUS_COMPLETE, StreamPayloads.STATUS_SENDER_FAILED, StreamPayloads.STATUS_ABANDONED})
    void endRoundTripsIndexStatusAndDetail(int status) {
        ByteBuf payload = keep(StreamPayloads.end(ALLOC, 65535, status, "disk full on C:\\ — ünïcode 🐙"));

        assertThat(StreamPayloads.readEnd(payload)).isEqualTo(new StreamPayloads.End(65535, status, "disk full on C:\\ — ünïcode 🐙"));
    }

    @Test
    void endIsTheIndexTheStatusAndTheUtf8Detail() {
        ByteBuf payload = keep(StreamPayloads.end(ALLOC, 2, StreamPayloads.STATUS_SENDER_FAILED, "é"));

        assertThat(ByteBufUtil.getBytes(payload)).containsExactly(0x00, 0x02, 0x01, 0xC3, 0xA9);
    }

    @Test
    void theStatusCodesAreTheDocumentedOnes() {
        assertThat(StreamPayloads.STATUS_COMPLETE).isZero();
        assertThat(StreamPayloads.STATUS_SENDER_FAILED).isEqualTo(1);
        assertThat(StreamPayloads.STATUS_ABANDONED).isEqualTo(2);
    }

    @Test
    void aMissingDetailIsSentEmpty() {
        ByteBuf payload = keep(StreamPayloads.end(ALLOC, 1, StreamPayloads.STATUS_COMPLETE, null));

        assertThat(payload.readableBytes()).isEqualTo(3);
        assertThat(StreamPayloads.readEnd(payload).detail()).isEmpty();
    }

    @Test
    void theDetailIsTruncatedTo1024Bytes() {
        String detail = "x".repeat(5000);

        ByteBuf payload = keep(StreamPayloads.end(ALLOC, 1, StreamPayloads.STATUS_SENDER_FAILED, detail));

        assertThat(payload.readableBytes()).isEqualTo(3 + 1024);
        assertThat(StreamPayloads.readEnd(payload).detail()).isEqualTo("x".repeat(1024));
    }

    @Test
    void aDetailOfExactly1024BytesIsKeptWhole() {
        String detail = "y".repeat(1024);

        ByteBuf payload = keep(StreamPayloads.end(ALLOC, 1, StreamPayloads.STATUS_SENDER_FAILED, detail));

        assertThat(StreamPayloads.readEnd(payload).detail()).isEqualTo(detail);
    }

    @Test
    void aTruncatedMultibyteDetailStaysWithin1024Bytes() {
        String detail = "a" + "é".repeat(600);

        ByteBuf payload = keep(StreamPayloads.end(ALLOC, 1, StreamPayloads.STATUS_SENDER_FAILED, detail));

        assertThat(payload.readableBytes()).isLessThanOrEqualTo(3 + 1024);
    }

    @Test
    void truncationNeverSplitsACharacter() {
        String detail = "a" + "é".repeat(600);

        String received = StreamPayloads.readEnd(keep(StreamPayloads.end(ALLOC, 1, StreamPayloads.STATUS_SENDER_FAILED, detail)))
                .detail();

        assertThat(detail).startsWith(received);
        assertThat(received.getBytes(UTF_8).length).isLessThanOrEqualTo(1024);
    }

    // ---- STREAM_WINDOW

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 65536, 1 << 20, Integer.MAX_VALUE, 0x80000000L, 0xFFFFFFFFL})
    void windowRoundTripsTheCreditAsAnUnsigned32BitNumber(long credit) {
        ByteBuf payload = keep(StreamPayloads.window(ALLOC, 7, credit));

        assertThat(payload.readableBytes()).isEqualTo(6);
        assertThat(StreamPayloads.readWindow(payload)).isEqualTo(new StreamPayloads.Window(7, credit));
    }

    @Test
    void windowIsTheIndexFollowedByTheCredit() {
        ByteBuf payload = keep(StreamPayloads.window(ALLOC, 0x0A0B, 0x01020304L));

        assertThat(ByteBufUtil.getBytes(payload)).containsExactly(0x0A, 0x0B, 0x01, 0x02, 0x03, 0x04);
    }

    // ---- too short

    @ParameterizedTest
    @ValueSource(ints = {0, 1})
    void aDataPayloadShorterThanItsIndexIsAProtocolError(int length) {
        ByteBuf payload = bytes(new int[length]);

        assertThatThrownBy(() -> StreamPayloads.readDataIndex(payload))
                .isInstanceOfSatisfying(CommsException.class, protocolError())
                .hasMessage("A STREAM_DATA frame was too short (" + length + " bytes).");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2})
    void anEndPayloadShorterThanIndexAndStatusIsAProtocolError(int length) {
        ByteBuf payload = bytes(new int[length]);

        assertThatThrownBy(() -> StreamPayloads.readEnd(payload))
                .isInstanceOfSatisfying(CommsException.class, protocolError())
                .hasMessage("A STREAM_END frame was too short (" + length + " bytes).");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5})
    void aWindowPayloadShorterThanIndexAndCreditIsAProtocolError(int length) {
        ByteBuf payload = bytes(new int[length]);

        assertThatThrownBy(() -> StreamPayloads.readWindow(payload))
                .isInstanceOfSatisfying(CommsException.class, protocolError())
                .hasMessage("A STREAM_WINDOW frame was too short (" + length + " bytes).");
    }

    @Test
    void anEndOfJustIndexAndStatusHasAnEmptyDetail() {
        assertThat(StreamPayloads.readEnd(bytes(0, 5, 2))).isEqualTo(new StreamPayloads.End(5, 2, ""));
    }

    // ---- seeded round trips

    record Case(long seed, int index, int status, String detail, long credit, byte[] data) {
        @Override
        public String toString() {
            return "seed " + seed;
        }
    }

    static Stream<Case> cases() {
        return IntStream.range(0, 200).mapToObj(seed -> {
            SplittableRandom random = new SplittableRandom(seed);
            StringBuilder detail = new StringBuilder();
            for (int i = random.nextInt(40); i > 0; i--) {
                detail.appendCodePoint(random.nextBoolean() ? random.nextInt(0x20, 0x7F) : random.nextInt(0xA0, 0xD800));
            }
            byte[] data = new byte[random.nextInt(300)];
            random.nextBytes(data);
            return new Case(seed, random.nextInt(65536), random.nextInt(256), detail.toString(),
                    random.nextLong(0, 0x1_0000_0000L), data);
        });
    }

    @ParameterizedTest
    @MethodSource("cases")
    void everyPayloadReadsBackAsWritten(Case c) {
        ByteBuf data = keep(StreamPayloads.data(ALLOC, c.index(), c.data(), c.data().length));
        ByteBuf end = keep(StreamPayloads.end(ALLOC, c.index(), c.status(), c.detail()));
        ByteBuf window = keep(StreamPayloads.window(ALLOC, c.index(), c.credit()));

        assertThat(StreamPayloads.readDataIndex(data)).isEqualTo(c.index());
        assertThat(ByteBufUtil.getBytes(data)).isEqualTo(c.data());
        assertThat(StreamPayloads.readEnd(end)).isEqualTo(new StreamPayloads.End(c.index(), c.status(), c.detail()));
        assertThat(StreamPayloads.readWindow(window)).isEqualTo(new StreamPayloads.Window(c.index(), c.credit()));
    }
}

package dev.tentacle.comms.internal.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.tentacle.comms.DataStream;
import dev.tentacle.comms.internal.streams.RecordingStreamTransport.Closed;
import dev.tentacle.comms.internal.streams.RecordingStreamTransport.End;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class IncomingStreamTest {
    private static final StreamKey KEY = new StreamKey(17, 2);
    private static final int WINDOW = 100;

    private final RecordingStreamTransport transport = new RecordingStreamTransport();
    private final IncomingStream stream = new IncomingStream(KEY, 300, WINDOW, transport);
    private final List<Thread> readers = new ArrayList<>();

    @AfterEach
    void stopReaders() throws InterruptedException {
        for (Thread reader : readers) {
            reader.interrupt();
            reader.join();
        }
    }

    private static ByteBuf chunk(int length, int firstValue) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (firstValue + i);
        }
        return Unpooled.wrappedBuffer(bytes);
    }

    private static byte[] range(int length, int firstValue) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (firstValue + i);
        }
        return bytes;
    }

    /** Runs a read on its own thread, so a read that blocks cannot hang the test. */
    private CompletableFuture<Integer> readOnAnotherThread(InputStream in) {
        CompletableFuture<Integer> result = new CompletableFuture<>();
        Thread reader = Thread.ofPlatform().name("stream-reader").start(() -> {
            try {
                result.complete(in.read());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        readers.add(reader);
        return result;
    }

    private static Throwable failureOf(CompletableFuture<?> future) {
        return future.handle((value, failure) -> failure).join();
    }

    private List<End> ends() {
        return transport.eventsOf(End.class);
    }

    private List<Closed> closes() {
        return transport.eventsOf(Closed.class);
    }

    // ---- reading

    @Test
    void readsTheChunksInTheOrderTheyArrived() throws IOException {
        assertThat(stream.onData(chunk(30, 0))).isTrue();
        assertThat(stream.onData(chunk(30, 30))).isTrue();
        assertThat(stream.onData(chunk(40, 60))).isTrue();
        stream.onEnd(StreamPayloads.STATUS_COMPLETE, "");

        assertThat(stream.asDataStream().readAllBytes()).isEqualTo(range(100, 0));
    }

    @Test
    void hasTheLengthTheSenderAnnounced() {
        assertThat(stream.asDataStream().length()).isEqualTo(300);
        assertThat(new IncomingStream(KEY, DataStream.UNKNOWN_LENGTH, WINDOW, transport).asDataStream().length()).isEqualTo(-1);
    }

    @Test
    void anEmptyStreamEndsAtOnce() throws IOException {
        stream.onEnd(StreamPayloads.STATUS_COMPLETE, "");

        try (InputStream in = stream.asDataStream().open()) {
            assertThat(in.read()).isEqualTo(-1);
        }
    }

    @Test
    void readsSingleBytesAsUnsignedValues() throws IOException {
        stream.onData(Unpooled.wrappedBuffer(new byte[] {(byte) 0xFF, 0x00, 0x7F}));
        stream.onEnd(StreamPayloads.STATUS_COMPLETE, "");

        try (InputStream in = stream.asDataStream().open()) {
            assertThat(in.read()).isEqualTo(255);
            assertThat(in.read()).isZero();
            assertThat(in.read()).isEqualTo(127);
            assertThat(in.read()).isEqualTo(-1);
            assertThat(in.read()).isEqualTo(-1);
        }
    }

    @Test
    void aReadNeverSpansTwoChunks() throws IOException {
        stream.onData(chunk(3, 0));
        stream.onData(chunk(3, 3));

        try (InputStream in = stream.asDataStream().open()) {
            byte[] buffer = new byte[10];
            assertThat(in.read(buffer, 0, 10)).isEqualTo(3);
            assertThat(in.read(buffer, 3, 10)).isEqualTo(3);
            assertThat(buffer).startsWith(range(6, 0));
        }
    }

    @Test
    void aZeroLengthReadReturnsAtOnceWithoutData() throws IOException {
        try (InputStream in = stream.asDataStream().open()) {
            assertThat(in.read(new byte[4], 0, 0)).isZero();
        }
    }

    @Test
    void aReaderWaitsForDataThatArrivesLater() throws IOException {
        InputStream in = stream.asDataStream().open();
        CompletableFuture<Integer> read = readOnAnotherThread(in);
        Thread reader = readers.getFirst();
        await().until(() -> reader.getState() == Thread.State.WAITING);
        assertThat(read).isNotDone();

        stream.onData(chunk(1, 42));

        assertThat(read.join()).isEqualTo(42);
    }

    @Test
    void releasesEveryChunkOnceItIsRead() throws IOException {
        ByteBuf first = chunk(10, 0);
        ByteBuf second = chunk(10, 10);
        stream.onData(first);
        stream.onData(second);
        stream.onEnd(StreamPayloads.STATUS_COMPLETE, "");

        stream.asDataStream().readAllBytes();

        assertThat(first.refCnt()).isZero();
        assertThat(second.refCnt()).isZero();
    }

    @Test
    void readingToTheEndForgetsTheStreamOnceWithoutTellingTheSender() throws IOException {
        stream.onData(chunk(10, 0));
        stream.onEnd(StreamPayloads.STATUS_COMPLETE, "");

        try (InputStream in = stream.asDataStream().open()) {
            in.readAllBytes();
            assertThat(in.read()).isEqualTo(-1);
        }

        assertThat(ends()).isEmpty();
        assertThat(closes()).containsExactly(new Closed(KEY, true));
    }

    @Test
    void canBeOpenedOnlyOnce() throws IOException {
        DataStream data = stream.asDataStream();
        data.open().close();

        assertThatThrownBy(data::open)
                .isInstanceOf(IOException.class)
                .hasMessageContaining("already opened")
                .hasMessageContaining("read only once");
    }

    @Test
    void canBeOpenedOnlyOnceEvenThroughAnotherDataStreamView() throws IOException {
        stream.asDataStream().open();

        assertThatThrownBy(() -> stream.asDataStream().open()).isInstanceOf(IOException.class);
    }

    @Test
    void interruptingAWaitingReaderFailsTheReadAndKeepsTheInterrupt() throws IOException {
        InputStream in = stream.asDataStream().open();
        CompletableFuture<Boolean> interruptKept = new CompletableFuture<>();
        Thread reader = Thread.ofPlatform().start(() -> {
            try {
                in.read();
                interruptKept.completeExceptionally(new AssertionError("the read returned"));
            } catch (InterruptedIOException e) {
                interruptKept.complete(Thread.currentThread().isInterrupted());
            } catch (Throwable e) {
                interruptKept.completeExceptionally(e);
            }
        });
        readers.add(reader);
        await().until(() -> reader.getState() == Thread.State.WAITING);

        reader.interrupt();

        assertThat(interruptKept.join()).isTrue();
    }

    // ---- flow control

    @Test
    void grantsCreditOnceHalfTheWindowHasBeenConsumed() throws IOException {
        stream.onData(chunk(60, 0));
        InputStream in = stream.asDataStream().open();
        byte[] buffer = new byte[60];

        assertThat(in.read(buffer, 0, 49)).isEqualTo(49);
        assertThat(transport.windows()).isEmpty();

        assertThat(in.read(buffer, 49, 1)).isEqualTo(1);
        assertThat(transport.windows()).containsExactly(50L);
        assertThat(transport.eventsOf(RecordingStreamTransport.Window.class).getFirst().key()).isEqualTo(KEY);

        assertThat(in.read(buffer, 50, 10)).isEqualTo(10);
        assertThat(transport.windows()).containsExactly(50L);
    }

    @Test
    void grantsAllTheBytesConsumedSinceTheLastGrant() throws IOException {
        stream.onData(chunk(40, 0));
        stream.onData(chunk(40, 40));
        InputStream in = stream.asDataStream().open();
        byte[] buffer = new byte[80];

        in.read(buffer, 0, 40);
        in.read(buffer, 40, 40);

        assertThat(transport.windows()).containsExactly(80L);
    }

    @Test
    void theGrantedCreditAddsUpToTheBytesRead() throws IOException {
        for (int i = 0; i < 10; i++) {
            stream.onData(chunk(10, i * 10));
        }
        stream.onEnd(StreamPayloads.STATUS_COMPLETE, "");
        InputStream in = stream.asDataStream().open();

        byte[] all = in.readAllBytes();

        assertThat(all).isEqualTo(range(100, 0));
        assertThat(transport.windows().stream().mapToLong(Long::longValue).sum()).isEqualTo(100);
        assertThat(transport.windows()).allSatisfy(credit -> assertThat(credit).isGreaterThanOrEqualTo(WINDOW / 2));
    }

    @Test
    void acceptsAsMuchAsTheWholeWindow() {
        assertThat(stream.onData(chunk(60, 0))).isTrue();
        assertThat(stream.onData(chunk(40, 60))).isTrue();
    }

    @Test
    void aSenderThatOverrunsTheWindowIsRefused() {
        ByteBuf overrun = chunk(41, 60);
        assertThat(stream.onData(chunk(60, 0))).isTrue();

        assertThat(stream.onData(overrun)).isFalse();
        assertThat(overrun.refCnt()).isZero();
    }

    @Test
    void bytesThatWereReadMakeRoomInTheWindow() throws IOException {
        stream.onData(chunk(100, 0));
        InputStream in = stream.asDataStream().open();

        in.read(new byte[50], 0, 50);

        assertThat(stream.onData(chunk(50, 100))).isTrue();
        assertThat(stream.onData(chunk(1, 150))).isFalse();
    }

    // ---- failures

    @Test
    void aSenderFailureReachesTheReaderAfterTheDataWithItsDetail() throws IOException {
        stream.onData(chunk(5, 0));
        stream.onEnd(StreamPayloads.STATUS_SENDER_FAILED, "reading the data to send failed: disk unplugged");
        InputStream in = stream.asDataStream().open();

        assertThat(in.readNBytes(5)).isEqualTo(range(5, 0));
        assertThatThrownBy(in::read)
                .isInstanceOf(IOException.class)
                .hasMessage("The sender could not finish the stream: reading the data to send failed: disk unplugged");
        assertThat(closes()).containsExactly(new Closed(KEY, true));
        assertThat(ends()).isEmpty();
    }

    @Test
    void aSenderFailureWithoutDetailSaysNoReasonWasGiven() {
        stream.onEnd(StreamPayloads.STATUS_SENDER_FAILED, "");

        assertThatThrownBy(() -> stream.asDataStream().readAllBytes())
                .isInstanceOf(IOException.class)
                .hasMessage("The sender could not finish the stream: no reason given");
    }

    @Test
    void everyReadAfterASenderFailureFails() throws IOException {
        stream.onEnd(StreamPayloads.STATUS_ABANDONED, "gone");
        InputStream in = stream.asDataStream().open();

        assertThatThrownBy(in::read).isInstanceOf(IOException.class);
        assertThatThrownBy(in::read).isInstanceOf(IOException.class).hasMessageContaining("gone");
    }

    @Test
    void aBrokenConnectionFailsTheReaderWithTheReason() throws IOException {
        InputStream in = stream.asDataStream().open();
        CompletableFuture<Integer> read = readOnAnotherThread(in);

        stream.fail("The connection to https://tentacle:10933/ was lost.");

        assertThat(failureOf(read))
                .isInstanceOf(IOException.class)
                .hasMessage("The connection to https://tentacle:10933/ was lost.");
    }

    // ---- closing early

    @Test
    void closingBeforeTheEndAbandonsTheStreamOnce() throws IOException {
        ByteBuf unread = chunk(20, 20);
        stream.onData(chunk(20, 0));
        stream.onData(unread);
        InputStream in = stream.asDataStream().open();
        in.read(new byte[5], 0, 5);

        in.close();
        in.close();

        assertThat(ends()).containsExactly(new End(KEY, StreamPayloads.STATUS_ABANDONED, "the reader closed the stream"));
        assertThat(closes()).containsExactly(new Closed(KEY, true));
        assertThat(unread.refCnt()).isZero();
    }

    @Test
    void closingWithoutReadingAnythingAbandonsTheStream() throws IOException {
        stream.asDataStream().open().close();

        assertThat(ends()).extracting(End::status).containsExactly(StreamPayloads.STATUS_ABANDONED);
    }

    @Test
    void closingAfterTheEndDoesNotAbandon() throws IOException {
        stream.onEnd(StreamPayloads.STATUS_COMPLETE, "");
        InputStream in = stream.asDataStream().open();
        assertThat(in.read()).isEqualTo(-1);

        in.close();

        assertThat(ends()).isEmpty();
        assertThat(closes()).hasSize(1);
    }

    @Test
    void dataArrivingAfterTheReaderClosedIsReleasedAndAccepted() throws IOException {
        stream.asDataStream().open().close();
        ByteBuf late = chunk(200, 0);

        assertThat(stream.onData(late)).isTrue();
        assertThat(late.refCnt()).isZero();
    }

    @Test
    void readingAfterCloseFails() throws IOException {
        stream.onData(chunk(20, 0));
        InputStream in = stream.asDataStream().open();
        in.close();

        CompletableFuture<Integer> read = readOnAnotherThread(in);

        await().until(read::isDone);
        assertThat(failureOf(read)).isInstanceOf(IOException.class);
    }

    // ---- never opened

    @Test
    void abandoningAnUnopenedStreamTellsTheSenderAndReleasesItsChunks() {
        ByteBuf queued = chunk(30, 0);
        stream.onData(queued);

        stream.abandonIfUnopened();

        assertThat(ends()).containsExactly(new End(KEY, StreamPayloads.STATUS_ABANDONED, "the reader closed the stream"));
        assertThat(closes()).containsExactly(new Closed(KEY, true));
        assertThat(queued.refCnt()).isZero();
    }

    @Test
    void abandoningTwiceTellsTheSenderOnce() {
        stream.abandonIfUnopened();
        stream.abandonIfUnopened();

        assertThat(ends()).hasSize(1);
        assertThat(closes()).hasSize(1);
    }

    @Test
    void anOpenedStreamIsNotAbandoned() throws IOException {
        stream.onData(chunk(10, 0));
        stream.onEnd(StreamPayloads.STATUS_COMPLETE, "");
        InputStream in = stream.asDataStream().open();

        stream.abandonIfUnopened();

        assertThat(transport.events()).isEmpty();
        assertThat(in.readAllBytes()).isEqualTo(range(10, 0));
    }

    @Test
    void dataArrivingAfterAbandonmentIsReleasedAndAccepted() {
        stream.abandonIfUnopened();
        ByteBuf late = chunk(10, 0);

        assertThat(stream.onData(late)).isTrue();
        assertThat(late.refCnt()).isZero();
    }

    @Test
    void readingAStreamThatWasAbandonedFails() {
        stream.onData(chunk(10, 0));
        stream.abandonIfUnopened();

        Throwable failure;
        try {
            CompletableFuture<Integer> read = readOnAnotherThread(stream.asDataStream().open());
            await().until(read::isDone);
            failure = failureOf(read);
        } catch (IOException openFailed) {
            failure = openFailed;
        }

        assertThat(failure).isInstanceOf(IOException.class);
    }
}

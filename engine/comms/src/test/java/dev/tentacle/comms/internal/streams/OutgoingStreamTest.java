package dev.tentacle.comms.internal.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tentacle.comms.DataStream;
import dev.tentacle.comms.internal.streams.RecordingStreamTransport.Closed;
import dev.tentacle.comms.internal.streams.RecordingStreamTransport.Data;
import dev.tentacle.comms.internal.streams.RecordingStreamTransport.End;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OutgoingStreamTest {
    private static final StreamKey KEY = new StreamKey(5, 0);

    private final RecordingStreamTransport transport = new RecordingStreamTransport();
    private final List<Thread> senders = new ArrayList<>();
    private final List<OutgoingStream> streams = new ArrayList<>();

    @AfterEach
    void stopSenders() throws InterruptedException {
        streams.forEach(s -> s.stop("the test ended"));
        for (Thread sender : senders) {
            sender.join();
        }
    }

    private static byte[] range(int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) i;
        }
        return bytes;
    }

    private OutgoingStream stream(DataStream source, int window, int chunkSize) {
        OutgoingStream stream = new OutgoingStream(KEY, source, window, chunkSize, transport);
        streams.add(stream);
        return stream;
    }

    private Thread startSending(OutgoingStream stream) {
        Thread sender = Thread.ofPlatform().name("stream-sender").start(stream);
        senders.add(sender);
        return sender;
    }

    /** The sender has sent this many chunks and is parked waiting for credit. */
    private void awaitBlockedAfter(Thread sender, int chunks) {
        await().until(() -> transport.dataCount() == chunks && sender.getState() == Thread.State.WAITING);
    }

    private List<End> ends() {
        return transport.eventsOf(End.class);
    }

    /** A source that yields its bytes and then fails, and remembers whether it was closed. */
    private static final class FailingSource extends InputStream {
        private final InputStream good;
        final AtomicBoolean closed = new AtomicBoolean();

        FailingSource(byte[] good) {
            this.good = new ByteArrayInputStream(good);
        }

        @Override
        public int read() throws IOException {
            int b = good.read();
            if (b == -1) {
                throw new IOException("disk unplugged");
            }
            return b;
        }

        @Override
        public void close() {
            closed.set(true);
        }
    }

    // ---- within credit, run on the test thread

    @Test
    void sendsTheSourceInChunksThenACompleteEnd() {
        stream(DataStream.ofBytes(range(10)), 100, 4).run();

        assertThat(transport.chunkSizes()).containsExactly(4, 4, 2);
        assertThat(transport.dataSent()).isEqualTo(range(10));
        assertThat(transport.events().getLast()).isEqualTo(new Closed(KEY, false));
        assertThat(ends()).containsExactly(new End(KEY, StreamPayloads.STATUS_COMPLETE, ""));
        assertThat(transport.events()).hasSize(3 + 1 + 1);
        assertThat(transport.events().get(3)).isInstanceOf(End.class);
    }

    @Test
    void everyFrameCarriesTheStreamsKey() {
        OutgoingStream stream = stream(DataStream.ofBytes(range(5)), 100, 4);
        stream.run();

        assertThat(stream.key()).isEqualTo(KEY);
        assertThat(transport.eventsOf(Data.class)).extracting(Data::key).containsOnly(KEY);
    }

    @Test
    void anEmptySourceSendsOnlyTheEnd() {
        stream(DataStream.ofBytes(new byte[0]), 100, 4).run();

        assertThat(transport.events()).containsExactly(
                new End(KEY, StreamPayloads.STATUS_COMPLETE, ""), new Closed(KEY, false));
    }

    @Test
    void aSourceOfExactlyOneChunkSendsOneChunk() {
        stream(DataStream.ofBytes(range(4)), 4, 4).run();

        assertThat(transport.chunkSizes()).containsExactly(4);
        assertThat(ends()).extracting(End::status).containsExactly(StreamPayloads.STATUS_COMPLETE);
    }

    @Test
    void fillsEachChunkEvenFromASourceThatReadsInSmallPieces() {
        DataStream trickle = DataStream.of(10, () -> new InputStream() {
            private final InputStream bytes = new ByteArrayInputStream(range(10));

            @Override
            public int read() throws IOException {
                return bytes.read();
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return bytes.read(b, off, Math.min(len, 1));
            }
        });

        stream(trickle, 100, 4).run();

        assertThat(transport.chunkSizes()).containsExactly(4, 4, 2);
        assertThat(transport.dataSent()).isEqualTo(range(10));
    }

    @Test
    void aSourceThatFailsMidwaySendsSenderFailedWithTheMessage() {
        FailingSource source = new FailingSource(range(6));

        stream(DataStream.of(100, () -> source), 100, 4).run();

        assertThat(transport.dataSent()).isEqualTo(range(4));
        assertThat(ends()).containsExactly(
                new End(KEY, StreamPayloads.STATUS_SENDER_FAILED, "reading the data to send failed: disk unplugged"));
        assertThat(transport.events().getLast()).isEqualTo(new Closed(KEY, false));
        assertThat(source.closed).isTrue();
    }

    @Test
    void aSourceThatCannotBeOpenedSendsSenderFailedWithTheMessage() {
        DataStream missing = DataStream.of(10, () -> {
            throw new IOException("/var/packages/app.zip: no such file");
        });

        stream(missing, 100, 4).run();

        assertThat(transport.events()).containsExactly(
                new End(KEY, StreamPayloads.STATUS_SENDER_FAILED,
                        "reading the data to send failed: /var/packages/app.zip: no such file"),
                new Closed(KEY, false));
    }

    @Test
    void aSourceThatThrowsAnUncheckedExceptionSendsSenderFailed() {
        DataStream broken = DataStream.of(10, () -> {
            throw new IllegalStateException("the package was deleted");
        });

        stream(broken, 100, 4).run();

        assertThat(ends()).containsExactly(
                new End(KEY, StreamPayloads.STATUS_SENDER_FAILED, "reading the data to send failed: the package was deleted"));
    }

    @Test
    void aStreamStoppedBeforeItRunsSendsNothingButIsForgotten() {
        AtomicInteger closes = new AtomicInteger();
        OutgoingStream stream = stream(DataStream.of(10, () -> new ByteArrayInputStream(range(10)) {
            @Override
            public void close() {
                closes.incrementAndGet();
            }
        }), 100, 4);
        stream.stop("the reader abandoned the stream");

        stream.run();

        assertThat(transport.events()).containsExactly(new Closed(KEY, false));
        assertThat(stream.stopReason()).isEqualTo("the reader abandoned the stream");
        assertThat(closes).hasValue(1);
    }

    // ---- credit, with the sender on its own thread

    @Test
    void sendsOnlyAsMuchAsTheWindowUntilCreditIsGranted() {
        OutgoingStream stream = stream(DataStream.ofBytes(range(20)), 8, 4);

        Thread sender = startSending(stream);

        awaitBlockedAfter(sender, 2);
        assertThat(transport.bytesSent()).isEqualTo(8);
        assertThat(ends()).isEmpty();
    }

    @Test
    void eachGrantReleasesThatManyMoreBytes() {
        OutgoingStream stream = stream(DataStream.ofBytes(range(24)), 8, 4);
        Thread sender = startSending(stream);
        awaitBlockedAfter(sender, 2);

        stream.grant(4);
        awaitBlockedAfter(sender, 3);

        stream.grant(8);
        awaitBlockedAfter(sender, 5);
        assertThat(ends()).isEmpty();

        stream.grant(4);
        await().until(() -> sender.getState() == Thread.State.TERMINATED);
        assertThat(transport.dataSent()).isEqualTo(range(24));
        assertThat(ends()).containsExactly(new End(KEY, StreamPayloads.STATUS_COMPLETE, ""));
        assertThat(transport.events().getLast()).isEqualTo(new Closed(KEY, false));
    }

    @Test
    void creditSmallerThanAChunkIsSavedUntilAWholeChunkIsCovered() {
        OutgoingStream stream = stream(DataStream.ofBytes(range(12)), 4, 4);
        Thread sender = startSending(stream);
        awaitBlockedAfter(sender, 1);

        stream.grant(3);
        awaitBlockedAfter(sender, 1);
        assertThat(transport.bytesSent()).isEqualTo(4);

        stream.grant(1);
        awaitBlockedAfter(sender, 2);
        assertThat(transport.bytesSent()).isEqualTo(8);
    }

    @Test
    void neverSendsMoreThanTheWindowPlusTheCreditGranted() {
        AtomicLong granted = new AtomicLong(6);
        AtomicBoolean overrun = new AtomicBoolean();
        StreamTransport checking = new StreamTransport() {
            private long sent;

            @Override
            public synchronized void sendData(StreamKey key, byte[] bytes, int length) {
                sent += length;
                if (sent > granted.get()) {
                    overrun.set(true);
                }
                transport.sendData(key, bytes, length);
            }

            @Override
            public void sendEnd(StreamKey key, int status, String detail) {
                transport.sendEnd(key, status, detail);
            }

            @Override
            public void sendWindow(StreamKey key, long credit) {
                transport.sendWindow(key, credit);
            }

            @Override
            public void streamClosed(StreamKey key, boolean incoming) {
                transport.streamClosed(key, incoming);
            }
        };
        OutgoingStream stream = new OutgoingStream(KEY, DataStream.ofBytes(range(50)), 6, 3, checking);
        streams.add(stream);
        Thread sender = startSending(stream);

        for (int grant : new int[] {1, 2, 5, 3, 7, 3, 2, 9, 4, 3, 5}) {
            awaitBlockedAfter(sender, (int) (granted.get() / 3));
            granted.addAndGet(grant); // before granting, so the check never lags the credit
            stream.grant(grant);
        }
        await().until(() -> sender.getState() == Thread.State.TERMINATED);

        assertThat(overrun).isFalse();
        assertThat(transport.dataSent()).isEqualTo(range(50));
        assertThat(transport.chunkSizes()).containsExactly(3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 2);
        assertThat(ends()).extracting(End::status).containsExactly(StreamPayloads.STATUS_COMPLETE);
    }

    @Test
    void stoppingASenderThatWaitsForCreditEndsItWithoutAnEnd() {
        AtomicBoolean closed = new AtomicBoolean();
        OutgoingStream stream = stream(DataStream.of(20, () -> new ByteArrayInputStream(range(20)) {
            @Override
            public void close() {
                closed.set(true);
            }
        }), 8, 4);
        Thread sender = startSending(stream);
        awaitBlockedAfter(sender, 2);

        stream.stop("the call was cancelled");

        await().until(() -> sender.getState() == Thread.State.TERMINATED);
        assertThat(ends()).isEmpty();
        assertThat(transport.bytesSent()).isEqualTo(8);
        assertThat(transport.events().getLast()).isEqualTo(new Closed(KEY, false));
        assertThat(transport.eventsOf(Closed.class)).hasSize(1);
        assertThat(stream.stopReason()).isEqualTo("the call was cancelled");
        assertThat(closed).isTrue();
    }

    @Test
    void creditGrantedAfterStoppingSendsNothingMore() {
        OutgoingStream stream = stream(DataStream.ofBytes(range(20)), 8, 4);
        Thread sender = startSending(stream);
        awaitBlockedAfter(sender, 2);
        stream.stop("the reader abandoned the stream");
        await().until(() -> sender.getState() == Thread.State.TERMINATED);

        stream.grant(100);

        assertThat(transport.bytesSent()).isEqualTo(8);
        assertThat(ends()).isEmpty();
    }

    @Test
    void interruptingASenderThatWaitsForCreditForgetsTheStreamAndKeepsTheInterrupt() {
        OutgoingStream stream = stream(DataStream.ofBytes(range(20)), 8, 4);
        AtomicBoolean interruptKept = new AtomicBoolean();
        Thread sender = Thread.ofPlatform().start(() -> {
            stream.run();
            interruptKept.set(Thread.currentThread().isInterrupted());
        });
        senders.add(sender);
        awaitBlockedAfter(sender, 2);

        sender.interrupt();

        await().until(() -> sender.getState() == Thread.State.TERMINATED);
        assertThat(interruptKept).isTrue();
        assertThat(transport.events().getLast()).isEqualTo(new Closed(KEY, false));
        assertThat(ends()).isEmpty();
    }

    @Test
    void aLargeSourceArrivesWholeThroughASmallWindow() {
        byte[] payload = new byte[64 * 1024 + 17];
        Arrays.fill(payload, (byte) 0x5A);
        payload[payload.length - 1] = 1;
        OutgoingStream stream = stream(DataStream.ofBytes(payload), 4096, 1024);
        Thread sender = startSending(stream);

        // Act as a reader that acknowledges every chunk it sees.
        long acknowledged = 0;
        while (sender.getState() != Thread.State.TERMINATED || acknowledged < transport.bytesSent()) {
            long sent = transport.bytesSent();
            if (sent > acknowledged) {
                stream.grant(sent - acknowledged);
                acknowledged = sent;
            } else {
                await().until(() -> transport.bytesSent() > sent || sender.getState() == Thread.State.TERMINATED);
            }
        }

        assertThat(transport.dataSent()).isEqualTo(payload);
        assertThat(ends()).extracting(End::status).containsExactly(StreamPayloads.STATUS_COMPLETE);
    }
}

package dev.tentacle.testing.contract;

import dev.tentacle.comms.DataStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/** A real implementation of {@link EchoService}, observable by tests. */
public final class EchoServiceImpl implements EchoService {
    private final AtomicInteger calls = new AtomicInteger();
    private final ConcurrentLinkedQueue<String> cancelled = new ConcurrentLinkedQueue<>();
    private final CountDownLatch blockEntered = new CountDownLatch(1);

    @Override
    public Message echo(Message message) {
        calls.incrementAndGet();
        return message;
    }

    @Override
    public Message fail(String message) {
        calls.incrementAndGet();
        throw new IllegalStateException(message);
    }

    @Override
    public Message block(String marker) {
        calls.incrementAndGet();
        blockEntered.countDown();
        try {
            new CountDownLatch(1).await();
            throw new IllegalStateException("unreachable: nothing counts this latch down");
        } catch (InterruptedException e) {
            cancelled.add(marker);
            Thread.currentThread().interrupt();
            return new Message("cancelled " + marker, 0, List.of());
        }
    }

    @Override
    public CompletableFuture<Message> blockAsync(String marker) {
        return CompletableFuture.completedFuture(block(marker));
    }

    @Override
    public Digest upload(String name, DataStream data) {
        calls.incrementAndGet();
        try (InputStream in = data.open()) {
            return digest(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Reading the upload " + name + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public DataStream download(Generate request) {
        calls.incrementAndGet();
        return DataStream.of(request.length(), () -> new PseudoRandomInputStream(request.length(), request.seed()));
    }

    @Override
    public Message large(int characters) {
        calls.incrementAndGet();
        return new Message("x".repeat(characters), characters, List.of());
    }

    @Override
    public int countCalls() {
        return calls.get();
    }

    /** Markers of the block calls that saw their cancellation. */
    public List<String> cancelledMarkers() {
        return List.copyOf(cancelled);
    }

    public CountDownLatch blockEntered() {
        return blockEntered;
    }

    public int calls() {
        return calls.get();
    }

    /** Reads a stream to its end and returns its length and SHA-256. */
    public static Digest digest(InputStream in) throws IOException {
        MessageDigest sha256 = sha256();
        long length = 0;
        byte[] buffer = new byte[64 * 1024];
        try (DigestInputStream digesting = new DigestInputStream(in, sha256)) {
            int n;
            while ((n = digesting.read(buffer)) != -1) {
                length += n;
            }
        }
        return new Digest(length, HexFormat.of().formatHex(sha256.digest()));
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

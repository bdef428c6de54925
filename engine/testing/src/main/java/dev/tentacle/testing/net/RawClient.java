package dev.tentacle.testing.net;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;

/**
 * A plain TCP client for negative tests: send plain HTTP to a TLS port, send garbage, and see exactly what comes back
 * and whether the peer hung up. Every read is bounded by a timeout and by {@link #MAX_READ_BYTES}.
 *
 * <pre>{@code
 * RawClient.Response answer = RawClient.exchange(port, "GET / HTTP/1.1\r\n\r\n", Duration.ofSeconds(10));
 * assertThat(answer.peerClosed()).isTrue();
 * }</pre>
 */
public final class RawClient implements AutoCloseable {
    public static final int MAX_READ_BYTES = 16 * 1024 * 1024;
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    /**
     * What was read, and how reading stopped.
     *
     * @param bytes everything read, possibly nothing
     * @param peerClosed the peer ended the connection, by an orderly end of stream or by an error such as a reset;
     *     false when reading stopped at the timeout or at {@link #MAX_READ_BYTES}
     * @param reset the connection ended with an error, typically a TCP reset, rather than an orderly end of stream
     */
    public record Response(byte[] bytes, boolean peerClosed, boolean reset) {
        public Response {
            bytes = bytes.clone();
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }

        /** The bytes as text, decoded as UTF-8. */
        public String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            return "Response[" + bytes.length + " bytes, peerClosed=" + peerClosed + ", reset=" + reset + "]";
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Response that
                    && Arrays.equals(bytes, that.bytes)
                    && peerClosed == that.peerClosed
                    && reset == that.reset;
        }

        @Override
        public int hashCode() {
            return Objects.hash(Arrays.hashCode(bytes), peerClosed, reset);
        }
    }

    private final Socket socket;

    private RawClient(Socket socket) {
        this.socket = socket;
    }

    /**
     * Connects to 127.0.0.1:{@code port}. A peer that accepts and resets at once may make this throw a
     * {@link java.net.SocketException} (connection reset) instead of the first read reporting the reset.
     */
    public static RawClient connect(int port) throws IOException {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(Loopback.ADDRESS, port), (int) CONNECT_TIMEOUT.toMillis());
            socket.setTcpNoDelay(true);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
        return new RawClient(socket);
    }

    /** Connects, sends {@code request}, and reads until the peer closes or {@code timeout} passes. */
    public static Response exchange(int port, byte[] request, Duration timeout) throws IOException {
        try (RawClient client = connect(port)) {
            client.send(request);
            return client.readUntilClosed(timeout);
        }
    }

    /** {@link #exchange(int, byte[], Duration)} with {@code request} encoded as UTF-8. */
    public static Response exchange(int port, String request, Duration timeout) throws IOException {
        return exchange(port, request.getBytes(StandardCharsets.UTF_8), timeout);
    }

    public RawClient send(byte[] bytes) throws IOException {
        socket.getOutputStream().write(bytes);
        return this;
    }

    /** Sends {@code text} encoded as UTF-8. */
    public RawClient send(String text) throws IOException {
        return send(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Ends the stream towards the peer (TCP FIN) while still reading what it sends. */
    public void shutdownOutput() throws IOException {
        socket.shutdownOutput();
    }

    /**
     * Reads until the peer closes or resets the connection, or until {@code timeout} passes. After a timeout the
     * connection is still usable, so this doubles as "nothing arrives within this time".
     */
    public Response readUntilClosed(Duration timeout) throws IOException {
        ByteArrayOutputStream read = new ByteArrayOutputStream();
        long deadline = System.nanoTime() + timeout.toNanos();
        byte[] buffer = new byte[64 * 1024];
        InputStream in = socket.getInputStream();
        try {
            // Bounded by the deadline and by MAX_READ_BYTES.
            while (read.size() < MAX_READ_BYTES) {
                setTimeoutUntil(deadline);
                int n = in.read(buffer, 0, Math.min(buffer.length, MAX_READ_BYTES - read.size()));
                if (n < 0) {
                    return new Response(read.toByteArray(), true, false);
                }
                read.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException timedOut) {
            return new Response(read.toByteArray(), false, false);
        } catch (IOException resetOrBroken) {
            return new Response(read.toByteArray(), true, true);
        }
        return new Response(read.toByteArray(), false, false);
    }

    /** Reads exactly {@code count} bytes, failing with SocketTimeoutException or EOFException if they do not come. */
    public byte[] readExactly(int count, Duration timeout) throws IOException {
        if (count < 0 || count > MAX_READ_BYTES) {
            throw new IllegalArgumentException("count must be between 0 and " + MAX_READ_BYTES + ", was " + count);
        }
        byte[] bytes = new byte[count];
        long deadline = System.nanoTime() + timeout.toNanos();
        InputStream in = socket.getInputStream();
        int filled = 0;
        // Bounded by count and the deadline.
        while (filled < count) {
            setTimeoutUntil(deadline);
            int n = in.read(bytes, filled, count - filled);
            if (n < 0) {
                throw new EOFException("The peer closed after " + filled + " of " + count + " bytes.");
            }
            filled += n;
        }
        return bytes;
    }

    /**
     * Reads up to and including {@code terminator}, such as {@code "\r\n\r\n"} after an HTTP response head, and
     * returns it decoded as ISO-8859-1. Reads byte by byte so that nothing after the terminator is consumed.
     */
    public String readUntil(String terminator, Duration timeout) throws IOException {
        byte[] end = terminator.getBytes(StandardCharsets.ISO_8859_1);
        ByteArrayOutputStream read = new ByteArrayOutputStream();
        long deadline = System.nanoTime() + timeout.toNanos();
        InputStream in = socket.getInputStream();
        // Bounded by MAX_READ_BYTES and the deadline.
        while (read.size() < MAX_READ_BYTES) {
            setTimeoutUntil(deadline);
            int b = in.read();
            if (b < 0) {
                throw new EOFException("The peer closed before sending " + terminator.strip() + ": got "
                        + read.toString(StandardCharsets.ISO_8859_1));
            }
            read.write(b);
            if (endsWith(read, end)) {
                return read.toString(StandardCharsets.ISO_8859_1);
            }
        }
        throw new IOException("No terminator within " + MAX_READ_BYTES + " bytes.");
    }

    @Override
    public void close() {
        Sockets.closeQuietly(socket);
    }

    private void setTimeoutUntil(long deadlineNanos) throws IOException {
        long remaining = deadlineNanos - System.nanoTime();
        if (remaining <= 0) {
            throw new SocketTimeoutException("The read timed out.");
        }
        socket.setSoTimeout((int) Math.max(1, Duration.ofNanos(remaining).toMillis()));
    }

    private static boolean endsWith(ByteArrayOutputStream read, byte[] end) {
        if (read.size() < end.length) {
            return false;
        }
        byte[] bytes = read.toByteArray();
        return Arrays.equals(bytes, bytes.length - end.length, bytes.length, end, 0, end.length);
    }
}

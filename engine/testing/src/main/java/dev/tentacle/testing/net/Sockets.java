package dev.tentacle.testing.net;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.time.Duration;

/** Ways to end a connection: abruptly with a reset, or politely so the peer reads everything first. */
final class Sockets {
    private static final int DRAIN_BUFFER = 8 * 1024;

    private Sockets() {}

    /** Closes with SO_LINGER 0, so the peer sees a TCP RST rather than an orderly end of stream. */
    static void reset(Socket socket) {
        if (socket == null || socket.isClosed()) {
            return;
        }
        try {
            socket.setSoLinger(true, 0);
        } catch (IOException alreadyBroken) {
            // The socket is unusable already; closing it below is all that is left to do.
        }
        closeQuietly(socket);
    }

    static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception ignored) {
            // Closing is best effort: the tools must stop even when a socket is already broken.
        }
    }

    /** Writes {@code response} if the peer is still there, then closes as {@link #closeAfterResponse} does. */
    static void respondAndClose(Socket socket, byte[] response, Duration drainFor) {
        try {
            socket.getOutputStream().write(response);
        } catch (IOException peerGone) {
            // Nothing to tell a peer that has gone; closing below is all that is left.
        }
        closeAfterResponse(socket, drainFor);
    }

    /**
     * Sends FIN after what was written, then reads and discards what the peer still sends until it closes or
     * {@code drainFor} passes. Closing a socket with unread input makes the kernel send RST, and a peer that gets RST
     * may discard a response it has not read yet; draining first makes the response arrive.
     */
    static void closeAfterResponse(Socket socket, Duration drainFor) {
        try {
            socket.shutdownOutput();
            long deadline = System.nanoTime() + drainFor.toNanos();
            InputStream in = socket.getInputStream();
            byte[] discard = new byte[DRAIN_BUFFER];
            long remaining;
            while ((remaining = deadline - System.nanoTime()) > 0) {
                socket.setSoTimeout((int) Math.max(1, Duration.ofNanos(remaining).toMillis()));
                if (in.read(discard) < 0) {
                    break;
                }
            }
        } catch (IOException peerGoneOrTimedOut) {
            // Either way the peer has had its chance to read the response.
        } finally {
            closeQuietly(socket);
        }
    }
}

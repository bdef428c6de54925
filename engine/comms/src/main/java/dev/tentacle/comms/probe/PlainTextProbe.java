package dev.tentacle.comms.probe;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/**
 * Evidence that a port speaks plain text where TLS belongs: after a failed TLS handshake, a plain {@code HEAD}
 * request on a new connection, and the first line of the answer when it is printable, such as
 * {@code HTTP/1.0 403 Forbidden} from a firewall or {@code HTTP/1.1 200 OK} from a web server. A TLS endpoint
 * answers with a binary alert or nothing.
 */
public final class PlainTextProbe {
    private PlainTextProbe() {
    }

    /**
     * Connects to {@code host:port} and returns the first line of the answer; empty when the connection fails or the
     * answer is not printable text.
     *
     * @param maxBytes how much of the answer to read at most
     */
    public static Optional<String> firstLine(String host, int port, Duration connectTimeout, Duration readTimeout,
            int maxBytes) {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(host, port), (int) connectTimeout.toMillis());
            socket.setSoTimeout((int) readTimeout.toMillis());
        } catch (IOException | RuntimeException e) {
            closeQuietly(socket);
            return Optional.empty();
        }
        return firstLine(socket, host, maxBytes);
    }

    /**
     * The first line of the answer on {@code connected}, which this closes; empty when it is not printable text.
     *
     * @param host sent as the request's {@code Host}
     * @param maxBytes how much of the answer to read at most
     */
    public static Optional<String> firstLine(Socket connected, String host, int maxBytes) {
        try (connected) {
            connected.getOutputStream().write(("HEAD / HTTP/1.0\r\nHost: " + host + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            connected.getOutputStream().flush();
            byte[] bytes = readLine(connected.getInputStream(), maxBytes);
            int end = 0;
            while (end < bytes.length && bytes[end] != '\r' && bytes[end] != '\n') {
                int b = bytes[end] & 0xff;
                if (b < 0x20 || b > 0x7e) {
                    return Optional.empty();
                }
                end++;
            }
            return end == 0 ? Optional.empty() : Optional.of(new String(bytes, 0, end, StandardCharsets.US_ASCII));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Up to the first line end, the end of the stream, or {@code max} bytes, whichever comes first. */
    private static byte[] readLine(InputStream in, int max) throws IOException {
        byte[] buffer = new byte[max];
        int length = 0;
        while (length < max) {
            int n = in.read(buffer, length, max - length);
            if (n < 0) {
                break;
            }
            length += n;
            for (int i = length - n; i < length; i++) {
                if (buffer[i] == '\n') {
                    return Arrays.copyOf(buffer, length);
                }
            }
        }
        return Arrays.copyOf(buffer, length);
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // Nothing more to do with a connection that failed.
        }
    }
}

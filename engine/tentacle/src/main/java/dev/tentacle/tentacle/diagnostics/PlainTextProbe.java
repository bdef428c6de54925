package dev.tentacle.tentacle.diagnostics;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Evidence that a port speaks plain text where TLS belongs: after a failed TLS handshake, a plain {@code HEAD}
 * request on a new connection, and the first line of the answer when it is printable, such as
 * {@code HTTP/1.0 403 Forbidden} from a firewall or {@code HTTP/1.1 200 OK} from a web server. A TLS endpoint
 * answers with a binary alert or nothing.
 */
final class PlainTextProbe {
    private static final int MAX_LINE = 120;

    private PlainTextProbe() {
    }

    /** The first line of the answer on {@code connected}, which this closes; empty when it is not printable text. */
    static Optional<String> firstLine(Socket connected, String host) {
        try (connected) {
            connected.getOutputStream().write(("HEAD / HTTP/1.0\r\nHost: " + host + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            connected.getOutputStream().flush();
            byte[] bytes = readLine(connected.getInputStream());
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

    /** Up to the first line end, the end of the stream, or {@value #MAX_LINE} bytes, whichever comes first. */
    private static byte[] readLine(InputStream in) throws IOException {
        byte[] buffer = new byte[MAX_LINE];
        int length = 0;
        while (length < MAX_LINE) {
            int n = in.read(buffer, length, MAX_LINE - length);
            if (n < 0) {
                break;
            }
            length += n;
            for (int i = length - n; i < length; i++) {
                if (buffer[i] == '\n') {
                    return java.util.Arrays.copyOf(buffer, length);
                }
            }
        }
        return java.util.Arrays.copyOf(buffer, length);
    }
}

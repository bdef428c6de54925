package dev.tentacle.comms.probe;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import javax.net.ssl.SSLSocket;

/**
 * The comms preamble of docs/protocol.md from the caller's side: after TLS, this side says who it is
 * ({@code TENTACLE/1 CLIENT}) and the peer answers whether it accepts this side's certificate
 * ({@code TENTACLE/1 SERVER}) or not ({@code TENTACLE/1 REJECTED CODE message}). Nothing else is sent: the caller
 * closes the connection after the answer.
 */
public final class PreambleProbe {
    /** The line this side sends. */
    public static final String CLIENT_LINE = "TENTACLE/1 CLIENT";
    private static final String ACCEPTED = "TENTACLE/1 SERVER";
    private static final String REJECTED = "TENTACLE/1 REJECTED ";
    private static final int MAX_LINE_BYTES = 1024;

    private PreambleProbe() {
    }

    /** What the peer answered. */
    public sealed interface Reply {
        /** The peer trusts this side's certificate. */
        record Accepted() implements Reply {
        }

        /** The peer refused, with its error code (such as UNTRUSTED_PEER) and message. */
        record Rejected(String code, String message) implements Reply {
        }

        /**
         * A line that is not the protocol's, such as an HTTP status line from a device in the path; as it arrived, so
         * quote it safely before showing it.
         */
        record Unexpected(String line) implements Reply {
        }

        /** The peer closed the connection without a line. */
        record Closed() implements Reply {
        }
    }

    /**
     * Sends {@value #CLIENT_LINE} and reads the answer; the socket's read timeout bounds the wait.
     *
     * @throws IOException when the connection fails, times out, or ends the TLS session
     */
    public static Reply identifyAsClient(SSLSocket socket) throws IOException {
        socket.getOutputStream().write((CLIENT_LINE + "\r\n").getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        String line = readLine(socket.getInputStream());
        if (line == null) {
            return new Reply.Closed();
        }
        if (line.equals(ACCEPTED)) {
            return new Reply.Accepted();
        }
        if (line.startsWith(REJECTED)) {
            String rest = line.substring(REJECTED.length());
            int space = rest.indexOf(' ');
            return space < 0 ? new Reply.Rejected(rest, "")
                    : new Reply.Rejected(rest.substring(0, space), rest.substring(space + 1));
        }
        return new Reply.Unexpected(line);
    }

    /** One line without its CR LF; null when the stream ends first. */
    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (line.size() < MAX_LINE_BYTES) {
            int b = in.read();
            if (b < 0) {
                return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
            }
            if (b == '\n') {
                break;
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }
}

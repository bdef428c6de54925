package dev.tentacle.tentacle.diagnostics;

import dev.tentacle.comms.ProxySettings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The client side of an HTTP CONNECT request (RFC 9110 section 9.3.6) on a socket connected to a proxy, the same
 * exchange the comms stack makes when polling through a proxy; with Basic credentials when the settings have them.
 */
final class ProxyTunnel {
    private static final int MAX_HEAD_BYTES = 16 * 1024;

    private ProxyTunnel() {
    }

    /** The proxy answered the CONNECT request with something other than success. */
    static final class RefusedException extends IOException {
        private final int status;
        private final String statusLine;

        RefusedException(int status, String statusLine) {
            super("The proxy answered '" + statusLine + "'");
            this.status = status;
            this.statusLine = statusLine;
        }

        /** The HTTP status code, or -1 when the answer was not HTTP. */
        int status() {
            return status;
        }

        String statusLine() {
            return statusLine;
        }
    }

    /**
     * Asks the proxy to connect to {@code host:port} and reads its answer.
     *
     * @throws RefusedException when the answer is not 2xx
     * @throws IOException when the proxy closes the connection or does not answer in time
     */
    static void open(Socket proxy, ProxySettings settings, String host, int port) throws IOException {
        String authority = (host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host) + ":" + port;
        StringBuilder request = new StringBuilder()
                .append("CONNECT ").append(authority).append(" HTTP/1.1\r\n")
                .append("Host: ").append(authority).append("\r\n");
        if (settings.hasCredentials()) {
            String credentials = settings.username() + ":" + (settings.password() == null ? "" : settings.password());
            request.append("Proxy-Authorization: Basic ")
                    .append(Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
                    .append("\r\n");
        }
        request.append("\r\n");
        OutputStream out = proxy.getOutputStream();
        out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.flush();

        String head = readHead(proxy.getInputStream());
        String statusLine = head.lines().findFirst().orElse("").strip();
        int status = Printable.httpStatus(statusLine);
        if (status < 200 || status > 299) {
            throw new RefusedException(status, Printable.quote(statusLine.isEmpty() ? head : statusLine));
        }
    }

    /** The answer's head, up to the blank line; no byte of the tunnelled stream is read. */
    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (head.size() < MAX_HEAD_BYTES) {
            int b = in.read();
            if (b < 0) {
                if (head.size() == 0) {
                    throw new IOException("The proxy closed the connection without answering the CONNECT request.");
                }
                break;
            }
            head.write(b);
            matched = switch (matched) {
                case 0, 2 -> b == '\r' ? matched + 1 : 0;
                case 1, 3 -> b == '\n' ? matched + 1 : b == '\r' ? 1 : 0;
                default -> 0;
            };
            if (matched == 4) {
                break;
            }
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }
}

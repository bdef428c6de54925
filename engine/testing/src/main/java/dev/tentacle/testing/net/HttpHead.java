package dev.tentacle.testing.net;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The request line and header fields of an HTTP/1.x request, read byte by byte so that nothing after the blank line
 * is consumed: a tunnel's first bytes (a TLS ClientHello, often sent at once) stay in the socket for the relay.
 */
record HttpHead(String method, String target, String version, List<Header> headers) {
    static final int MAX_BYTES = 16 * 1024;

    record Header(String name, String value) {}

    /** Thrown for a head that is not HTTP/1.x, too long, or cut off by the end of the stream. */
    static final class MalformedException extends IOException {
        MalformedException(String message) {
            super(message);
        }
    }

    String requestLine() {
        return method + " " + target + " " + version;
    }

    Optional<String> header(String name) {
        return headers.stream()
                .filter(h -> h.name().equalsIgnoreCase(name))
                .map(Header::value)
                .findFirst();
    }

    static HttpHead read(InputStream in) throws IOException {
        String head = readUntilBlankLine(in);
        List<String> lines = head.lines().toList();
        String[] requestLine = lines.getFirst().split(" ", -1);
        if (requestLine.length != 3 || !requestLine[2].toUpperCase(Locale.ROOT).startsWith("HTTP/1.")) {
            throw new MalformedException("Not an HTTP/1.x request line: " + lines.getFirst());
        }
        List<Header> headers = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new MalformedException("Not a header field: " + line);
            }
            headers.add(new Header(line.substring(0, colon).strip(), line.substring(colon + 1).strip()));
        }
        return new HttpHead(requestLine[0], requestLine[1], requestLine[2], List.copyOf(headers));
    }

    private static String readUntilBlankLine(InputStream in) throws IOException {
        byte[] bytes = new byte[MAX_BYTES];
        int length = 0;
        // Bounded by MAX_BYTES; the caller bounds the time with a socket timeout.
        while (length < MAX_BYTES) {
            int b = in.read();
            if (b < 0) {
                throw new MalformedException("The stream ended inside the request head.");
            }
            bytes[length++] = (byte) b;
            if (endsWithBlankLine(bytes, length)) {
                String head = new String(bytes, 0, length, StandardCharsets.ISO_8859_1).strip();
                if (head.isEmpty()) {
                    throw new MalformedException("The request head is empty.");
                }
                return head;
            }
        }
        throw new MalformedException("The request head is longer than " + MAX_BYTES + " bytes.");
    }

    private static boolean endsWithBlankLine(byte[] bytes, int length) {
        if (length >= 2 && bytes[length - 1] == '\n' && bytes[length - 2] == '\n') {
            return true;
        }
        return length >= 4
                && bytes[length - 4] == '\r'
                && bytes[length - 3] == '\n'
                && bytes[length - 2] == '\r'
                && bytes[length - 1] == '\n';
    }
}

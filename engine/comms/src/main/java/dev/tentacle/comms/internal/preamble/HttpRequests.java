package dev.tentacle.comms.internal.preamble;

import io.netty.buffer.ByteBuf;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Just enough HTTP/1.x request parsing to recognise a browser and answer it. */
final class HttpRequests {
    /** A request line: {@code METHOD target HTTP/1.x}. */
    private static final Pattern REQUEST_LINE = Pattern.compile("([A-Z]{1,20}) \\S+ HTTP/1\\.\\d");
    /** The start of a request line: a method token and a space. */
    private static final Pattern REQUEST_START = Pattern.compile("([A-Z]{1,20}) .*", Pattern.DOTALL);
    private static final Pattern SAFE_AUTHORITY = Pattern.compile("[A-Za-z0-9.:\\[\\]-]{1,260}");
    private static final int LONGEST_METHOD = 20;

    private HttpRequests() {
    }

    /** The method of a complete request line, if it is one. */
    static Optional<String> methodOfRequestLine(String line) {
        Matcher m = REQUEST_LINE.matcher(line);
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** The method of text that starts like a request line ({@code METHOD } and more), if it does. */
    static Optional<String> methodOfRequestStart(String text) {
        Matcher m = REQUEST_START.matcher(text);
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** Whether the bytes so far are, or could still become, the start of a request line. */
    enum Start { REQUEST, UNDECIDED, NOT_HTTP }

    static Start classifyStart(ByteBuf in) {
        int readable = in.readableBytes();
        for (int i = 0; i < readable && i <= LONGEST_METHOD; i++) {
            byte b = in.getByte(in.readerIndex() + i);
            if (b == ' ') {
                return i == 0 ? Start.NOT_HTTP : Start.REQUEST;
            }
            if (b < 'A' || b > 'Z') {
                return Start.NOT_HTTP;
            }
        }
        return readable > LONGEST_METHOD ? Start.NOT_HTTP : Start.UNDECIDED;
    }

    /** The value of the Host header in a request head, if present and made only of host-name characters. */
    static Optional<String> host(String head) {
        for (String line : head.split("\r?\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).strip().toLowerCase(Locale.ROOT).equals("host")) {
                String value = line.substring(colon + 1).strip();
                return SAFE_AUTHORITY.matcher(value).matches() ? Optional.of(value) : Optional.empty();
            }
        }
        return Optional.empty();
    }
}

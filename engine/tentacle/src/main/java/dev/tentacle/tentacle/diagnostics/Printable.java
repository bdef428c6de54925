package dev.tentacle.tentacle.diagnostics;

/** Reading what arrived from the network: quoting it safely in a finding, and HTTP status lines. */
final class Printable {
    /** How much of a network answer findings quote, and plain-text probes read. */
    static final int MAX = 120;

    private Printable() {
    }

    /** Printable ASCII only, at most 120 characters. */
    static String quote(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length() && out.length() < MAX; i++) {
            char c = text.charAt(i);
            out.append(c >= 0x20 && c < 0x7f ? c : c == '\r' ? "\\r" : c == '\n' ? "\\n" : "?");
        }
        return text.length() > MAX ? out + "..." : out.toString();
    }

    /** The status code of an HTTP status line such as {@code HTTP/1.1 407 Proxy Authentication Required}; -1 if none. */
    static int httpStatus(String statusLine) {
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
            return -1;
        }
        try {
            return Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}

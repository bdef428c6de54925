package dev.tentacle.comms.internal.preamble;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;

/** Renders bytes that arrived from a peer safely inside an error message: printable, and short. */
final class Printable {
    /** Characters shown of a quoted line before it is cut. */
    static final int MAX_QUOTED_CHARS = 60;

    private Printable() {
    }

    /** Printable ASCII as is, anything else as {@code \xNN}, cut after {@value #MAX_QUOTED_CHARS} characters. */
    static String quote(String text) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_QUOTED_CHARS) + 3);
        for (int i = 0; i < text.length(); i++) {
            if (out.length() >= MAX_QUOTED_CHARS) {
                return out.append("...").toString();
            }
            char c = text.charAt(i);
            if (Preamble.isPrintableAscii(c)) {
                out.append(c);
            } else {
                out.append(String.format("\\x%02X", c & 0xFF));
            }
        }
        return out.toString();
    }

    /** The readable bytes, decoded one byte per character, then {@link #quote(String) quoted}. */
    static String quote(ByteBuf bytes) {
        int length = Math.min(bytes.readableBytes(), MAX_QUOTED_CHARS + 1);
        String text = bytes.toString(bytes.readerIndex(), length, StandardCharsets.ISO_8859_1);
        return quote(text); // one character more than fits, so a longer input is marked as cut
    }
}

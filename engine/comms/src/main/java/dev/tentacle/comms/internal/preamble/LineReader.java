package dev.tentacle.comms.internal.preamble;

import io.netty.buffer.ByteBuf;
import io.netty.util.ByteProcessor;
import java.nio.charset.StandardCharsets;

/** Reads one line of at most {@value Preamble#MAX_LINE_BYTES} bytes (including its line end) from a buffer. */
final class LineReader {
    private LineReader() {
    }

    sealed interface Result permits Complete, Incomplete, TooLong {
    }

    /**
     * A whole line, consumed from the buffer with its line end.
     *
     * @param text the line without its line end, one character per byte
     * @param endsWithCrLf false when the line ended with a bare LF
     */
    record Complete(String text, boolean endsWithCrLf) implements Result {
    }

    /** No line end yet; nothing was consumed. */
    record Incomplete() implements Result {
    }

    /** {@value Preamble#MAX_LINE_BYTES} bytes arrived without a line end; nothing was consumed. */
    record TooLong() implements Result {
    }

    static Result read(ByteBuf in) {
        int start = in.readerIndex();
        int searchable = Math.min(in.readableBytes(), Preamble.MAX_LINE_BYTES);
        int lf = in.forEachByte(start, searchable, ByteProcessor.FIND_LF);
        if (lf < 0) {
            return in.readableBytes() >= Preamble.MAX_LINE_BYTES ? new TooLong() : new Incomplete();
        }
        boolean crlf = lf > start && in.getByte(lf - 1) == '\r';
        int textEnd = crlf ? lf - 1 : lf;
        String text = in.toString(start, textEnd - start, StandardCharsets.ISO_8859_1);
        in.readerIndex(lf + 1);
        return new Complete(text, crlf);
    }
}

package dev.tentacle.comms.internal.preamble;

import io.netty.buffer.ByteBuf;

/** Finds the empty line that ends an HTTP request head, across as many buffers as it takes to arrive. */
final class HttpHeadScanner {
    /** Characters other than CR seen on the current line; an LF at zero ends the head. */
    private int lineLength;

    /** @param atLineStart whether scanning starts at the beginning of a line (true once the request line was read) */
    HttpHeadScanner(boolean atLineStart) {
        lineLength = atLineStart ? 0 : 1;
    }

    /**
     * Scans the readable bytes without consuming them.
     *
     * @return the index just past the end of the head, or -1 when it has not arrived yet (the scanner remembers where
     *     it is, so pass only new bytes next time)
     */
    int scan(ByteBuf in) {
        for (int i = in.readerIndex(); i < in.writerIndex(); i++) {
            byte b = in.getByte(i);
            if (b == '\n') {
                if (lineLength == 0) {
                    return i + 1;
                }
                lineLength = 0;
            } else if (b != '\r') {
                lineLength++;
            }
        }
        return -1;
    }
}

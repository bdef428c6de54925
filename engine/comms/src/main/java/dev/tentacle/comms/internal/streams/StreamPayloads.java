package dev.tentacle.comms.internal.streams;

import dev.tentacle.comms.CommsException;
import dev.tentacle.comms.ErrorCode;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.nio.charset.StandardCharsets;

/**
 * Payload layouts of the stream frames (see docs/protocol.md, "Streams and flow control").
 * <pre>
 * STREAM_DATA   : index u16, data bytes
 * STREAM_END    : index u16, status u8, UTF-8 detail (status 0 complete, 1 failed at sender, 2 abandoned by receiver)
 * STREAM_WINDOW : index u16, credit u32 (bytes the receiver has consumed since its last window frame)
 * </pre>
 */
public final class StreamPayloads {
    public static final int STATUS_COMPLETE = 0;
    public static final int STATUS_SENDER_FAILED = 1;
    public static final int STATUS_ABANDONED = 2;
    /** Longest detail text carried by STREAM_END, in UTF-8 bytes. */
    public static final int MAX_DETAIL_BYTES = 1024;

    private StreamPayloads() {
    }

    public record End(int index, int status, String detail) {
    }

    public record Window(int index, long credit) {
    }

    public static ByteBuf data(ByteBufAllocator alloc, int index, byte[] bytes, int length) {
        ByteBuf buf = alloc.buffer(2 + length);
        buf.writeShort(index);
        buf.writeBytes(bytes, 0, length);
        return buf;
    }

    /** Reads the index of a STREAM_DATA payload, leaving the reader index at the data. */
    public static int readDataIndex(ByteBuf payload) {
        require(payload, 2, "STREAM_DATA");
        return payload.readUnsignedShort();
    }

    public static ByteBuf end(ByteBufAllocator alloc, int index, int status, String detail) {
        byte[] text = detail == null ? new byte[0] : detail.getBytes(StandardCharsets.UTF_8);
        int length = Math.min(text.length, MAX_DETAIL_BYTES);
        while (length < text.length && length > 0 && (text[length] & 0xC0) == 0x80) {
            length--; // never cut a multi-byte character in two
        }
        ByteBuf buf = alloc.buffer(3 + length);
        buf.writeShort(index);
        buf.writeByte(status);
        buf.writeBytes(text, 0, length);
        return buf;
    }

    public static End readEnd(ByteBuf payload) {
        require(payload, 3, "STREAM_END");
        int index = payload.readUnsignedShort();
        int status = payload.readUnsignedByte();
        String detail = payload.readCharSequence(payload.readableBytes(), StandardCharsets.UTF_8).toString();
        return new End(index, status, detail);
    }

    public static ByteBuf window(ByteBufAllocator alloc, int index, long credit) {
        ByteBuf buf = alloc.buffer(6);
        buf.writeShort(index);
        buf.writeInt((int) credit);
        return buf;
    }

    public static Window readWindow(ByteBuf payload) {
        require(payload, 6, "STREAM_WINDOW");
        return new Window(payload.readUnsignedShort(), payload.readUnsignedInt());
    }

    private static void require(ByteBuf payload, int bytes, String frame) {
        if (payload.readableBytes() < bytes) {
            throw new CommsException(ErrorCode.PROTOCOL_ERROR, "A " + frame + " frame was too short (" + payload.readableBytes() + " bytes).");
        }
    }
}

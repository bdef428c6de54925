package dev.tentacle.comms.internal.framing;

import java.nio.ByteBuffer;

/** Builds frames byte by byte, independently of the encoder under test. */
final class FrameBytes {
    private FrameBytes() {
    }

    static byte[] frame(int typeCode, long id, byte[] payload) {
        return ByteBuffer.allocate(4 + 9 + payload.length)
                .putInt(9 + payload.length)
                .put((byte) typeCode)
                .putLong(id)
                .put(payload)
                .array();
    }

    static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        ByteBuffer all = ByteBuffer.allocate(length);
        for (byte[] part : parts) {
            all.put(part);
        }
        return all.array();
    }
}

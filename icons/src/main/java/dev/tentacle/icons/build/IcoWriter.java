package dev.tentacle.icons.build;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/**
 * Writes a Windows icon ({@code .ico}) whose entries are PNGs, as Windows has read since Vista.
 *
 * <p>The format: a 6-byte header (reserved 0, type 1 = icon, entry count), one 16-byte directory entry per image
 * (width and height as a byte where 0 means 256, colour count 0, reserved 0, planes 1, bits per pixel 32, data size,
 * data offset; little-endian), then each image's PNG bytes in directory order.
 */
public final class IcoWriter {
    /** An entry is at most 256 px a side: the directory holds a side in one byte, 0 standing for 256. */
    public static final int MAX_SIZE = 256;
    static final int HEADER_SIZE = 6;
    static final int ENTRY_SIZE = 16;

    private IcoWriter() {
    }

    public static byte[] write(List<PngImage> images) {
        if (images.isEmpty() || images.size() > 0xFFFF) {
            throw new IllegalArgumentException("An .ico holds 1 to 65535 images, not " + images.size());
        }
        int dataSize = images.stream().mapToInt(image -> image.bytes().length).sum();
        ByteBuffer out = ByteBuffer.allocate(HEADER_SIZE + ENTRY_SIZE * images.size() + dataSize)
                .order(ByteOrder.LITTLE_ENDIAN);
        out.putShort((short) 0).putShort((short) 1).putShort((short) images.size());
        int offset = HEADER_SIZE + ENTRY_SIZE * images.size();
        for (PngImage image : images) {
            out.put(sideByte(image.width())).put(sideByte(image.height()))
                    .put((byte) 0).put((byte) 0)
                    .putShort((short) 1).putShort((short) 32)
                    .putInt(image.bytes().length).putInt(offset);
            offset += image.bytes().length;
        }
        for (PngImage image : images) {
            out.put(image.bytes());
        }
        return out.array();
    }

    private static byte sideByte(int side) {
        if (side > MAX_SIZE) {
            throw new IllegalArgumentException("An .ico entry is at most " + MAX_SIZE + " px a side, not " + side);
        }
        return (byte) (side == MAX_SIZE ? 0 : side);
    }
}

package dev.tentacle.icons.build;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Writes a macOS icon ({@code .icns}) whose entries are PNGs, as macOS has read since 10.7.
 *
 * <p>The format, big-endian throughout: the magic {@code icns} and the file's total length, then one block per
 * image: its four-character type, the block's length including these 8 bytes, and the PNG bytes. The type says
 * which size the image is for ({@link #TYPES}).
 */
public final class IcnsWriter {
    static final int HEADER_SIZE = 8;
    static final int BLOCK_HEADER_SIZE = 8;

    /**
     * The PNG entry types and the pixel size each must be, in the order {@code iconutil} writes them: the 1x sizes
     * 16 to 512 and the Retina (2x) ones, whose pixels double a 1x size ({@code ic11} is 16 pt at 2x: 32 px).
     */
    public static final Map<String, Integer> TYPES = types();

    private IcnsWriter() {
    }

    /** One block: its type from {@link #TYPES} and a PNG of the size that type stands for. */
    public record Entry(String type, PngImage image) {
        public Entry {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(image, "image");
            Integer size = TYPES.get(type);
            if (size == null) {
                throw new IllegalArgumentException("Unknown .icns PNG type '" + type + "'; the types are "
                        + TYPES.keySet());
            }
            if (image.width() != size || image.height() != size) {
                throw new IllegalArgumentException("An .icns '" + type + "' entry is " + size + "×" + size
                        + " px, not " + image.width() + "×" + image.height());
            }
        }
    }

    public static byte[] write(List<Entry> entries) {
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("An .icns holds at least one image");
        }
        long length = HEADER_SIZE + entries.stream()
                .mapToLong(entry -> BLOCK_HEADER_SIZE + entry.image().bytes().length).sum();
        if (length > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("An .icns is at most 2 GiB, not " + length + " bytes");
        }
        ByteBuffer out = ByteBuffer.allocate((int) length).order(ByteOrder.BIG_ENDIAN);
        out.put(fourCharacters("icns")).putInt((int) length);
        for (Entry entry : entries) {
            out.put(fourCharacters(entry.type()))
                    .putInt(BLOCK_HEADER_SIZE + entry.image().bytes().length)
                    .put(entry.image().bytes());
        }
        return out.array();
    }

    private static byte[] fourCharacters(String type) {
        byte[] bytes = type.getBytes(StandardCharsets.US_ASCII);
        if (bytes.length != 4) {
            throw new IllegalArgumentException("An .icns type is four ASCII characters, not '" + type + "'");
        }
        return bytes;
    }

    private static Map<String, Integer> types() {
        Map<String, Integer> types = new LinkedHashMap<>();
        types.put("icp4", 16);
        types.put("icp5", 32);
        types.put("ic11", 32);
        types.put("icp6", 64);
        types.put("ic12", 64);
        types.put("ic07", 128);
        types.put("ic08", 256);
        types.put("ic13", 256);
        types.put("ic09", 512);
        types.put("ic14", 512);
        types.put("ic10", 1024);
        return Collections.unmodifiableMap(types);
    }
}

package dev.tentacle.installers.debian;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How {@code dpkg-deb} compresses a package's contents: a type dpkg knows and a level, passed to it as
 * {@code DPKG_DEB_COMPRESSOR_TYPE} and {@code DPKG_DEB_COMPRESSOR_LEVEL} (dpkg 1.21.10 and later) and as {@code -Z}
 * and {@code -z}.
 *
 * <p>gzip is the default: every dpkg reads it, and on 2 cores it packs the Tentacle's ~160 MB in seconds, where xz at
 * dpkg's default level takes about two minutes for a package ~20% smaller.
 *
 * @param type {@code gzip}, {@code xz}, {@code zstd} or {@code none}
 * @param level 0 to 9 (gzip, xz), 1 to 19 (zstd); 0 for none
 */
public record DebCompression(String type, int level) {
    private static final Map<String, int[]> LEVELS = Map.of("gzip", new int[] {1, 9}, "xz", new int[] {0, 9},
            "zstd", new int[] {1, 19}, "none", new int[] {0, 0});
    public static final DebCompression DEFAULT = new DebCompression("gzip", 6);

    public DebCompression {
        if (!LEVELS.containsKey(type)) {
            throw new IllegalArgumentException("Unknown .deb compression '" + type + "': use gzip, xz, zstd or none.");
        }
        int[] range = LEVELS.get(type);
        if (level < range[0] || level > range[1]) {
            throw new IllegalArgumentException("The " + type + " compression level must be between " + range[0]
                    + " and " + range[1] + ", was " + level + ".");
        }
    }

    /**
     * Parses {@code TYPE:LEVEL} or {@code TYPE} (gzip and xz at 6, zstd at 3).
     *
     * @throws IllegalArgumentException saying what is wrong with the text
     */
    public static DebCompression parse(String text) {
        String value = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        int colon = value.indexOf(':');
        String type = colon < 0 ? value : value.substring(0, colon);
        if (colon < 0) {
            return new DebCompression(type, Set.of("zstd").contains(type) ? 3 : "none".equals(type) ? 0 : 6);
        }
        try {
            return new DebCompression(type, Integer.parseInt(value.substring(colon + 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("The .deb compression '" + text + "' is not TYPE:LEVEL, such as"
                    + " gzip:6 or xz:9.", e);
        }
    }

    @Override
    public String toString() {
        return type + ":" + level;
    }
}

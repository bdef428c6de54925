package dev.tentacle.icons.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Reads back what {@link IcoWriter} and {@link IcnsWriter} write, independently of them, and checks the images: the
 * tests' view of the two formats.
 */
public final class IconFiles {
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private IconFiles() {
    }

    /** One .ico directory entry: the sides as stored (0 for 256) and where its data is. */
    public record IcoEntry(int widthByte, int heightByte, int colours, int reserved, int planes, int bitsPerPixel,
            int size, int offset, byte[] data) {
        public int width() {
            return widthByte == 0 ? 256 : widthByte;
        }

        public int height() {
            return heightByte == 0 ? 256 : heightByte;
        }
    }

    public record Ico(int reserved, int type, List<IcoEntry> entries) {
    }

    public record IcnsEntry(String type, int length, byte[] data) {
    }

    public record Icns(String magic, int length, List<IcnsEntry> entries) {
    }

    public static Ico readIco(byte[] file) {
        ByteBuffer in = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        int reserved = Short.toUnsignedInt(in.getShort());
        int type = Short.toUnsignedInt(in.getShort());
        int count = Short.toUnsignedInt(in.getShort());
        List<IcoEntry> entries = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int width = Byte.toUnsignedInt(in.get());
            int height = Byte.toUnsignedInt(in.get());
            int colours = Byte.toUnsignedInt(in.get());
            int entryReserved = Byte.toUnsignedInt(in.get());
            int planes = Short.toUnsignedInt(in.getShort());
            int bits = Short.toUnsignedInt(in.getShort());
            int size = in.getInt();
            int offset = in.getInt();
            entries.add(new IcoEntry(width, height, colours, entryReserved, planes, bits, size, offset,
                    Arrays.copyOfRange(file, offset, offset + size)));
        }
        return new Ico(reserved, type, entries);
    }

    public static Icns readIcns(byte[] file) {
        ByteBuffer in = ByteBuffer.wrap(file).order(ByteOrder.BIG_ENDIAN);
        String magic = fourCharacters(in);
        int length = in.getInt();
        List<IcnsEntry> entries = new ArrayList<>();
        while (in.remaining() > 0) {
            int start = in.position();
            String type = fourCharacters(in);
            int blockLength = in.getInt();
            entries.add(new IcnsEntry(type, blockLength,
                    Arrays.copyOfRange(file, start + 8, start + blockLength)));
            in.position(start + blockLength);
        }
        return new Icns(magic, length, entries);
    }

    /** Asserts that the bytes are a PNG (signature and all) that decodes to an image of the given size. */
    public static BufferedImage assertPng(byte[] data, int width, int height) {
        assertThat(Arrays.copyOf(data, PNG_SIGNATURE.length)).as("PNG signature").isEqualTo(PNG_SIGNATURE);
        BufferedImage image;
        try {
            image = ImageIO.read(new ByteArrayInputStream(data));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(image).as("decoded PNG").isNotNull();
        assertThat(image.getWidth()).as("width").isEqualTo(width);
        assertThat(image.getHeight()).as("height").isEqualTo(height);
        return image;
    }

    /** A square test image: opaque in the middle, transparent at the corners. */
    public static PngImage testPng(int size) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        for (int y = size / 4; y < size - size / 4; y++) {
            for (int x = size / 4; x < size - size / 4; x++) {
                image.setRGB(x, y, 0xFF000000 | (x * 255 / size) << 16 | (y * 255 / size) << 8);
            }
        }
        return PngImage.encode(image);
    }

    private static String fourCharacters(ByteBuffer in) {
        byte[] bytes = new byte[4];
        in.get(bytes);
        return new String(bytes, StandardCharsets.US_ASCII);
    }
}

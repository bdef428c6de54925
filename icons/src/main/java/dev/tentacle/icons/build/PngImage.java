package dev.tentacle.icons.build;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;
import javax.imageio.ImageIO;

/** One rendered image as PNG bytes, with its dimensions, as the icon containers store it. */
public record PngImage(int width, int height, byte[] bytes) {
    public PngImage {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("An image is at least 1×1 px, not " + width + "×" + height);
        }
        Objects.requireNonNull(bytes, "bytes");
    }

    /** Encodes the image as PNG (8 bits per channel, with alpha when it has it). */
    public static PngImage encode(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, "png", out)) {
                throw new IllegalStateException("This JDK has no PNG writer");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new PngImage(image.getWidth(), image.getHeight(), out.toByteArray());
    }
}

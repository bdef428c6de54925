package dev.tentacle.desktop.testing;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Scene;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Saves screenshots of the app's windows as PNG: always to {@code target/screenshots/}, and to the repository's
 * {@code docs/images/} when the tests run with {@code -Dscreenshots.update=true} (the README shows those; they are
 * not rewritten on every build because thumbprints and paths differ from run to run).
 */
public final class Screenshots {
    public static final String UPDATE_PROPERTY = "screenshots.update";

    private Screenshots() {
    }

    /** Saves the scene; returns the copy under {@code target/screenshots/}. */
    public static Path save(Scene scene, String fileName) {
        WritableImage image;
        try {
            image = WaitForAsyncUtils.asyncFx(() -> scene.snapshot(null)).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not take a snapshot of the scene for " + fileName, e);
        }
        BufferedImage picture = toBufferedImage(image);
        Path saved = Path.of("target", "screenshots", fileName);
        write(picture, saved);
        if (Boolean.getBoolean(UPDATE_PROPERTY)) {
            write(picture, docsImages().resolve(fileName));
        }
        return saved;
    }

    private static BufferedImage toBufferedImage(WritableImage image) {
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        int[] pixels = new int[width * height];
        image.getPixelReader().getPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), pixels, 0, width);
        BufferedImage picture = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        picture.setRGB(0, 0, width, height, pixels, 0, width);
        return picture;
    }

    private static void write(BufferedImage picture, Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            if (!ImageIO.write(picture, "png", file.toFile())) {
                throw new IllegalStateException("No PNG writer in this JDK");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the screenshot " + file, e);
        }
    }

    /** docs/images of the repository these tests run in: the module's parent directory. */
    private static Path docsImages() {
        Path module = Path.of("").toAbsolutePath();
        Path root = Files.isDirectory(module.resolve("docs")) ? module : module.getParent();
        return root.resolve("docs").resolve("images");
    }
}

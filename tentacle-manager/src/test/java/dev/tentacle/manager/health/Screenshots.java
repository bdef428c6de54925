package dev.tentacle.manager.health;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;

/**
 * Saves what a node shows as a PNG under the repository's {@code docs/images/}, for the documentation. JavaFX's own
 * converter lives in javafx-swing, which the app does not depend on, so the pixels are copied by hand.
 */
final class Screenshots {
    private Screenshots() {
    }

    /** Takes the snapshot; call on the JavaFX thread. */
    static WritableImage snapshot(Node node) {
        return node.snapshot(null, null);
    }

    /** Writes the image as {@code docs/images/NAME.png} of the repository this test runs in; returns the file. */
    static Path save(WritableImage image, String name) throws IOException {
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        BufferedImage copy = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        PixelReader pixels = image.getPixelReader();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                copy.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        Path file = Files.createDirectories(repositoryRoot().resolve("docs/images")).resolve(name + ".png");
        if (!ImageIO.write(copy, "png", file.toFile())) {
            throw new IOException("No PNG writer in this Java runtime");
        }
        return file;
    }

    /** The nearest directory above the working directory that holds both {@code docs} and {@code tentacle-manager}. */
    private static Path repositoryRoot() throws IOException {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("docs")) && Files.isDirectory(dir.resolve("tentacle-manager"))) {
                return dir;
            }
        }
        throw new IOException("Not inside the repository: no docs/ beside tentacle-manager/ above " + Path.of("").toAbsolutePath());
    }
}

package dev.tentacle.icons.build;

import static dev.tentacle.icons.build.IconFiles.assertPng;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tentacle.icons.ProductIcon;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The renderer over stand-in artwork: plain squares whose colour tells which source a size came from. */
class IconRendererTest {
    private static final int RED = 0xFFFF0000;
    private static final int BLUE = 0xFF0000FF;

    @TempDir
    Path svgs;
    @TempDir
    Path output;

    @Test
    void rendersEveryIconToEveryFileTheAppsAndInstallersUse() throws IOException {
        writeSquares(RED);

        List<Path> written = new IconRenderer(svgs, output).render();

        for (ProductIcon icon : ProductIcon.values()) {
            for (int size : ProductIcon.PNG_SIZES) {
                Path png = output.resolve(icon.fileName() + "-" + size + ".png");
                assertThat(written).contains(png);
                assertThat(centre(assertPng(Files.readAllBytes(png), size, size))).isEqualTo(RED);
            }
            assertThat(written).contains(output.resolve(icon.fileName() + ".ico"),
                    output.resolve(icon.fileName() + ".icns"), output.resolve(icon.fileName() + ".svg"));
            assertThat(output.resolve(icon.fileName() + ".svg")).hasSameTextualContentAs(svgs.resolve(
                    icon.fileName() + ".svg"));
        }
    }

    @Test
    void drawsTheSmallSizesFromTheSmallSourceWhereThereIsOne() throws IOException {
        writeSquares(RED);
        Files.writeString(svgs.resolve("tentacle.small.svg"), square(BLUE));

        new IconRenderer(svgs, output, List.of(ProductIcon.TENTACLE, ProductIcon.OCTOPUS_SERVER)).render();

        for (int size : ProductIcon.PNG_SIZES) {
            int expected = IconRenderer.SMALL_SIZES.contains(size) ? BLUE : RED;
            assertThat(centre(pngOf("tentacle", size))).as("%d px", size).isEqualTo(expected);
            assertThat(centre(pngOf("octopus-server", size))).as("%d px without a small source", size)
                    .isEqualTo(RED);
        }
    }

    @Test
    void rendersNothingWhileEveryOutputIsNewerThanTheSources() throws IOException {
        writeSquares(RED);
        IconRenderer renderer = new IconRenderer(svgs, output,
                List.of(ProductIcon.TENTACLE, ProductIcon.OCTOPUS_SERVER));
        assertThat(renderer.renderIfChanged()).isNotEmpty();
        ageEverything(svgs, Instant.now().minusSeconds(3600));

        assertThat(renderer.renderIfChanged()).isEmpty();

        Files.setLastModifiedTime(svgs.resolve("octopus-server.svg"), FileTime.from(Instant.now().plusSeconds(60)));
        assertThat(renderer.renderIfChanged()).as("after a source changed").isNotEmpty();
    }

    @Test
    void rendersAgainWhenAnOutputIsMissing() throws IOException {
        writeSquares(RED);
        IconRenderer renderer = new IconRenderer(svgs, output, List.of(ProductIcon.TENTACLE));
        renderer.render();
        ageEverything(svgs, Instant.now().minusSeconds(3600));
        Files.delete(output.resolve("tentacle.icns"));

        assertThat(renderer.renderIfChanged()).contains(output.resolve("tentacle.icns"));
    }

    @Test
    void refusesToRenderWhenAnIconHasNoSource() throws IOException {
        writeSquares(RED);
        Files.delete(svgs.resolve("octopus-server-manager.svg"));

        assertThatThrownBy(() -> new IconRenderer(svgs, output).render())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Missing icon sources")
                .hasMessageContaining("octopus-server-manager.svg");
    }

    @Test
    void refusesAnSvgThatNoIconNames() throws IOException {
        writeSquares(RED);
        Files.writeString(svgs.resolve("tentacel.svg"), square(RED));

        assertThatThrownBy(() -> new IconRenderer(svgs, output).render())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("[tentacel.svg]")
                .hasMessageContaining("ProductIcon");
    }

    private void writeSquares(int argb) throws IOException {
        for (ProductIcon icon : ProductIcon.values()) {
            Files.writeString(svgs.resolve(icon.fileName() + ".svg"), square(argb));
        }
    }

    private static String square(int argb) {
        return """
                <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 256 256">
                  <rect x="64" y="64" width="128" height="128" fill="#%06x"/>
                </svg>
                """.formatted(argb & 0xFFFFFF);
    }

    private BufferedImage pngOf(String name, int size) throws IOException {
        return assertPng(Files.readAllBytes(output.resolve(name + "-" + size + ".png")), size, size);
    }

    private static int centre(BufferedImage image) {
        return image.getRGB(image.getWidth() / 2, image.getHeight() / 2);
    }

    private static void ageEverything(Path folder, Instant when) throws IOException {
        try (var files = Files.list(folder)) {
            for (Path file : files.toList()) {
                Files.setLastModifiedTime(file, FileTime.from(when));
            }
        }
    }
}

package dev.tentacle.icons;

import static dev.tentacle.icons.build.IconFiles.assertPng;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tentacle.icons.build.IcnsWriter;
import dev.tentacle.icons.build.IconFiles;
import dev.tentacle.icons.build.IconFiles.Icns;
import dev.tentacle.icons.build.IconFiles.IcnsEntry;
import dev.tentacle.icons.build.IconFiles.Ico;
import dev.tentacle.icons.build.IconFiles.IcoEntry;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What the build rendered from the real artwork, read from the class path as the apps read it. */
class RenderedIconsTest {

    @ParameterizedTest
    @EnumSource(ProductIcon.class)
    void everyPngSizeIsThereDecodesAndIsNeitherBlankNorASolidBlock(ProductIcon icon) {
        assertThat(icon.pngs()).hasSameSizeAs(ProductIcon.PNG_SIZES);
        for (int size : ProductIcon.PNG_SIZES) {
            BufferedImage image = assertPng(read(icon.png(size)), size, size);
            assertDrawnOnTransparentCorners(image, icon + " at " + size + " px");
        }
    }

    @ParameterizedTest
    @EnumSource(ProductIcon.class)
    void theWindowsIconHoldsEveryPngSizeUpTo256(ProductIcon icon) {
        Ico ico = IconFiles.readIco(read(icon.ico()));

        assertThat(ico.type()).isEqualTo(1);
        assertThat(ico.entries()).extracting(IcoEntry::width).containsExactly(16, 24, 32, 48, 64, 128, 256);
        for (IcoEntry entry : ico.entries()) {
            assertThat(entry.height()).isEqualTo(entry.width());
            BufferedImage image = assertPng(entry.data(), entry.width(), entry.height());
            assertDrawnOnTransparentCorners(image, icon + ".ico at " + entry.width() + " px");
        }
    }

    @ParameterizedTest
    @EnumSource(ProductIcon.class)
    void theMacIconHoldsEverySizeFrom16To1024(ProductIcon icon) {
        byte[] file = read(icon.icns());
        Icns icns = IconFiles.readIcns(file);

        assertThat(icns.magic()).isEqualTo("icns");
        assertThat(icns.length()).isEqualTo(file.length);
        assertThat(icns.entries()).extracting(IcnsEntry::type)
                .containsExactlyElementsOf(IcnsWriter.TYPES.keySet());
        for (IcnsEntry entry : icns.entries()) {
            int size = IcnsWriter.TYPES.get(entry.type());
            BufferedImage image = assertPng(entry.data(), size, size);
            assertDrawnOnTransparentCorners(image, icon + ".icns " + entry.type());
        }
    }

    @ParameterizedTest
    @EnumSource(ProductIcon.class)
    void theSvgSourceIsThereForScalableDesktops(ProductIcon icon) {
        String svg = new String(read(icon.svg()), StandardCharsets.UTF_8);

        assertThat(svg).contains("<svg").contains("<title>" + icon.displayName() + "</title>");
    }

    @ParameterizedTest
    @EnumSource(value = ProductIcon.class, names = {"TENTACLE_MANAGER", "OCTOPUS_SERVER_MANAGER"})
    void theManagersCarryTheAmberBadgeAtTheBottomRight(ProductIcon icon) {
        BufferedImage image = assertPng(read(icon.png(256)), 256, 256);

        int badge = image.getRGB(242, 196);
        assertThat(isAmber(badge)).as("the badge right of the gear is amber: #%08x", badge).isTrue();
        assertThat(isAmber(image.getRGB(60, 60))).as("the product's tile is not").isFalse();
    }

    /** Transparent corners (a rounded tile), mostly opaque, and more than one colour across its middle. */
    private static void assertDrawnOnTransparentCorners(BufferedImage image, String what) {
        int transparent = 0;
        int opaque = 0;
        int size = image.getWidth();
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                int alpha = image.getRGB(x, y) >>> 24;
                if (alpha == 0) {
                    transparent++;
                } else if (alpha == 255) {
                    opaque++;
                }
            }
        }
        int pixels = size * size;
        assertThat(transparent).as("%s: transparent pixels", what).isPositive();
        assertThat(opaque).as("%s: opaque pixels", what).isGreaterThan(pixels / 3);
        assertThat(image.getRGB(0, 0) >>> 24).as("%s: the top-left corner is transparent", what).isZero();
        assertThat(image.getRGB(size / 2, size / 2) >>> 24).as("%s: the middle is opaque", what).isEqualTo(255);
        assertThat(distinctColours(image, 3)).as("%s: colours in the middle row", what).isGreaterThanOrEqualTo(3);
    }

    private static int distinctColours(BufferedImage image, int enough) {
        int y = image.getHeight() / 2;
        Set<Integer> colours = new HashSet<>();
        for (int x = 0; x < image.getWidth() && colours.size() < enough; x++) {
            colours.add(image.getRGB(x, y));
        }
        return colours.size();
    }

    private static boolean isAmber(int argb) {
        int red = argb >> 16 & 0xFF;
        int green = argb >> 8 & 0xFF;
        int blue = argb & 0xFF;
        return red > 220 && green > 120 && green < 220 && blue < 80;
    }

    private static byte[] read(URL url) {
        try (InputStream in = url.openStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(url + ": " + e.getMessage(), e);
        }
    }
}

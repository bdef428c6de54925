package dev.tentacle.icons.build;

import static dev.tentacle.icons.build.IconFiles.assertPng;
import static dev.tentacle.icons.build.IconFiles.readIco;
import static dev.tentacle.icons.build.IconFiles.testPng;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tentacle.icons.build.IconFiles.Ico;
import dev.tentacle.icons.build.IconFiles.IcoEntry;
import java.util.List;
import org.junit.jupiter.api.Test;

class IcoWriterTest {

    @Test
    void writesAnIconDirectoryWhoseEntriesArePngsOfTheirStatedSizes() {
        List<Integer> sizes = List.of(16, 24, 32, 48, 64, 128, 256);
        byte[] file = IcoWriter.write(sizes.stream().map(IconFiles::testPng).toList());

        Ico ico = readIco(file);
        assertThat(ico.reserved()).isZero();
        assertThat(ico.type()).as("1 = icon, 2 = cursor").isEqualTo(1);
        assertThat(ico.entries()).hasSize(sizes.size());
        int expectedOffset = 6 + 16 * sizes.size();
        for (int i = 0; i < sizes.size(); i++) {
            IcoEntry entry = ico.entries().get(i);
            int size = sizes.get(i);
            assertThat(entry.width()).isEqualTo(size);
            assertThat(entry.height()).isEqualTo(size);
            assertThat(entry.colours()).isZero();
            assertThat(entry.reserved()).isZero();
            assertThat(entry.planes()).isEqualTo(1);
            assertThat(entry.bitsPerPixel()).isEqualTo(32);
            assertThat(entry.offset()).as("entries follow each other").isEqualTo(expectedOffset);
            assertPng(entry.data(), size, size);
            expectedOffset += entry.size();
        }
        assertThat(file).hasSize(expectedOffset);
    }

    @Test
    void stores256AsZeroBecauseTheDirectoryHoldsASideInOneByte() {
        Ico ico = readIco(IcoWriter.write(List.of(testPng(256))));

        assertThat(ico.entries().getFirst().widthByte()).isZero();
        assertThat(ico.entries().getFirst().heightByte()).isZero();
    }

    @Test
    void keepsTheImagesBytesAsGiven() {
        PngImage image = testPng(32);

        Ico ico = readIco(IcoWriter.write(List.of(image)));

        assertThat(ico.entries().getFirst().data()).isEqualTo(image.bytes());
        assertThat(ico.entries().getFirst().size()).isEqualTo(image.bytes().length);
    }

    @Test
    void refusesAnImageLargerThan256() {
        assertThatThrownBy(() -> IcoWriter.write(List.of(testPng(16), testPng(512))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most 256 px a side, not 512");
    }

    @Test
    void refusesAnEmptyIcon() {
        assertThatThrownBy(() -> IcoWriter.write(List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1 to 65535 images");
    }
}

package dev.tentacle.icons.build;

import static dev.tentacle.icons.build.IconFiles.assertPng;
import static dev.tentacle.icons.build.IconFiles.readIcns;
import static dev.tentacle.icons.build.IconFiles.testPng;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tentacle.icons.build.IconFiles.Icns;
import dev.tentacle.icons.build.IconFiles.IcnsEntry;
import java.util.List;
import org.junit.jupiter.api.Test;

class IcnsWriterTest {

    @Test
    void writesEveryTypeAsABlockHoldingAPngOfTheTypesSize() {
        List<IcnsWriter.Entry> entries = IcnsWriter.TYPES.entrySet().stream()
                .map(type -> new IcnsWriter.Entry(type.getKey(), testPng(type.getValue()))).toList();
        byte[] file = IcnsWriter.write(entries);

        Icns icns = readIcns(file);
        assertThat(icns.magic()).isEqualTo("icns");
        assertThat(icns.length()).as("the header's length is the file's").isEqualTo(file.length);
        assertThat(icns.entries()).extracting(IcnsEntry::type)
                .containsExactly("icp4", "icp5", "ic11", "icp6", "ic12", "ic07", "ic08", "ic13", "ic09", "ic14",
                        "ic10");
        for (IcnsEntry entry : icns.entries()) {
            int size = IcnsWriter.TYPES.get(entry.type());
            assertThat(entry.length()).as("a block's length counts its 8-byte header")
                    .isEqualTo(8 + entry.data().length);
            assertPng(entry.data(), size, size);
        }
    }

    @Test
    void theTypesCoverEverySizeFrom16To1024() {
        assertThat(IcnsWriter.TYPES).containsEntry("icp4", 16).containsEntry("icp5", 32).containsEntry("icp6", 64)
                .containsEntry("ic07", 128).containsEntry("ic08", 256).containsEntry("ic09", 512)
                .containsEntry("ic10", 1024);
    }

    @Test
    void keepsTheImagesBytesAsGiven() {
        PngImage image = testPng(128);

        Icns icns = readIcns(IcnsWriter.write(List.of(new IcnsWriter.Entry("ic07", image))));

        assertThat(icns.entries()).singleElement().satisfies(entry -> {
            assertThat(entry.type()).isEqualTo("ic07");
            assertThat(entry.data()).isEqualTo(image.bytes());
        });
    }

    @Test
    void refusesAnImageOfTheWrongSizeForItsType() {
        assertThatThrownBy(() -> new IcnsWriter.Entry("ic07", testPng(64)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'ic07' entry is 128×128 px, not 64×64");
    }

    @Test
    void refusesATypeItDoesNotKnow() {
        assertThatThrownBy(() -> new IcnsWriter.Entry("it32", testPng(128)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Unknown .icns PNG type 'it32'");
    }

    @Test
    void refusesAnEmptyIcon() {
        assertThatThrownBy(() -> IcnsWriter.write(List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

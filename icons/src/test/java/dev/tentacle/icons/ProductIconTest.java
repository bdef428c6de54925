package dev.tentacle.icons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ProductIconTest {

    @Test
    void namesItsResourcesAfterTheIconAndTheSize() {
        assertThat(ProductIcon.TENTACLE_MANAGER.pngResource(32))
                .isEqualTo("/dev/tentacle/icons/tentacle-manager-32.png");
        assertThat(ProductIcon.OCTOPUS_SERVER.icoResource()).isEqualTo("/dev/tentacle/icons/octopus-server.ico");
        assertThat(ProductIcon.OCTOPUS_SERVER.icnsResource()).isEqualTo("/dev/tentacle/icons/octopus-server.icns");
        assertThat(ProductIcon.TENTACLE.svgResource()).isEqualTo("/dev/tentacle/icons/tentacle.svg");
    }

    @Test
    void listsThePngsSmallestFirst() {
        assertThat(ProductIcon.TENTACLE.pngs()).extracting(url -> url.getPath().replaceAll(".*/", ""))
                .containsExactly("tentacle-16.png", "tentacle-24.png", "tentacle-32.png", "tentacle-48.png",
                        "tentacle-64.png", "tentacle-128.png", "tentacle-256.png", "tentacle-512.png");
    }

    @Test
    void refusesASizeItIsNotRenderedIn() {
        assertThatThrownBy(() -> ProductIcon.TENTACLE.png(20))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Tentacle has no 20 px PNG; the sizes are [16, 24, 32, 48, 64, 128, 256, 512]");
    }
}

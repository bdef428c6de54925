package dev.tentacle.installers.debian;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DebCompressionTest {
    @Test
    void readsTypeAndLevel() {
        assertThat(DebCompression.parse("XZ:9")).isEqualTo(new DebCompression("xz", 9));
        assertThat(DebCompression.parse("gzip")).isEqualTo(new DebCompression("gzip", 6));
        assertThat(DebCompression.parse("zstd")).isEqualTo(new DebCompression("zstd", 3));
        assertThat(DebCompression.parse("none")).isEqualTo(new DebCompression("none", 0));
        assertThat(DebCompression.DEFAULT).hasToString("gzip:6");
    }

    @Test
    void rejectsALevelOutsideTheTypesRange() {
        assertThatThrownBy(() -> DebCompression.parse("gzip:0")).hasMessage(
                "The gzip compression level must be between 1 and 9, was 0.");
        assertThatThrownBy(() -> DebCompression.parse("zstd:22")).hasMessageContaining("between 1 and 19");
    }

    @Test
    void rejectsALevelThatIsNotANumber() {
        assertThatThrownBy(() -> DebCompression.parse("xz:max")).hasMessageContaining("is not TYPE:LEVEL");
    }

    @Test
    void rejectsAnUnknownType() {
        assertThatThrownBy(() -> DebCompression.parse("lzma:6")).hasMessageContaining("use gzip, xz, zstd or none");
    }
}

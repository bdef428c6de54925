package dev.tentacle.installers.debian;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tentacle.installers.PackagingException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DebArchiveTest {
    @Test
    void readsAFileLineOfDpkgDebContents() {
        DebArchive.Entry entry = DebArchive.entry(
                "-rwxr-xr-x root/root      4125 2026-11-25 14:58 ./opt/tentacle/bin/tentacle");

        assertThat(entry.path()).isEqualTo("/opt/tentacle/bin/tentacle");
        assertThat(entry.owner()).isEqualTo("root/root");
        assertThat(entry.size()).isEqualTo(4125);
        assertThat(entry.isFile()).isTrue();
        assertThat(entry.isExecutable()).isTrue();
        assertThat(entry.linkTarget()).isEmpty();
    }

    @Test
    void readsALinkAndADirectory() {
        DebArchive.Entry link = DebArchive.entry(
                "lrwxrwxrwx root/root         0 2026-11-25 14:58 ./usr/bin/tentacle -> ../../opt/tentacle/bin/tentacle");
        DebArchive.Entry directory = DebArchive.entry("drwxr-xr-x root/root         0 2026-11-25 14:58 ./opt/");

        assertThat(link.isLink()).isTrue();
        assertThat(link.path()).isEqualTo("/usr/bin/tentacle");
        assertThat(link.linkTarget()).contains("../../opt/tentacle/bin/tentacle");
        assertThat(directory.path()).isEqualTo("/opt");
        assertThat(directory.isFile()).isFalse();
    }

    @Test
    void refusesALineThatIsNotAnEntry() {
        assertThatThrownBy(() -> DebArchive.entry("dpkg-deb: error")).isInstanceOf(PackagingException.class);
    }

    @Test
    void aMissingPackageSaysHowToBuildIt(@TempDir Path directory) {
        assertThatThrownBy(() -> DebArchive.of(directory.resolve("tentacle.deb")))
                .hasMessageContaining("There is no .deb at").hasMessageContaining("./mvnw -B package");
    }
}

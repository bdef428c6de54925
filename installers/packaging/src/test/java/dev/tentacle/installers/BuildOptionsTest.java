package dev.tentacle.installers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tentacle.installers.debian.DebCompression;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BuildOptionsTest {
    private static final List<String> REQUIRED = List.of("--product", "p.properties", "--input", "in", "--work", "work",
            "--output", "out", "--version", "0.1.0-SNAPSHOT");

    private static BuildOptions parse(String... extra) {
        var args = new ArrayList<>(REQUIRED);
        args.addAll(List.of(extra));
        return BuildOptions.parse(args.toArray(String[]::new));
    }

    @Test
    void readsEveryOptionAndMakesPathsAbsolute() {
        BuildOptions options = parse("--types", "deb,RPM", "--deb-compression", "xz:9", "--mac-version", "1.2.3");

        assertThat(options.productFile()).isEqualTo(Path.of("p.properties").toAbsolutePath());
        assertThat(options.input().isAbsolute()).isTrue();
        assertThat(options.version()).isEqualTo("0.1.0-SNAPSHOT");
        assertThat(options.types()).isEqualTo(Set.of(PackageType.DEB, PackageType.RPM));
        assertThat(options.debCompression()).isEqualTo(new DebCompression("xz", 9));
        assertThat(options.macVersion()).contains("1.2.3");
    }

    @Test
    void defaultsToNoTypesGzipAndNoMacVersion() {
        BuildOptions options = parse();

        assertThat(options.types()).isEmpty();
        assertThat(options.debCompression()).isEqualTo(DebCompression.DEFAULT);
        assertThat(options.macVersion()).isEmpty();
    }

    @Test
    void rejectsAnUnknownOptionWithTheUsageLine() {
        assertThatThrownBy(() -> parse("--colour", "blue"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Unknown option '--colour'").hasMessageContaining("Usage: PackageBuild");
    }

    @Test
    void rejectsAnOptionWithoutItsValue() {
        assertThatThrownBy(() -> parse("--types")).hasMessageContaining("The option --types needs a value.");
    }

    @Test
    void rejectsAnOptionGivenTwice() {
        assertThatThrownBy(() -> parse("--version", "1.0")).hasMessageContaining("--version is given twice");
    }

    @Test
    void rejectsAMissingRequiredOption() {
        assertThatThrownBy(() -> BuildOptions.parse("--product", "p", "--input", "i", "--work", "w", "--output", "o"))
                .hasMessageContaining("The option --version is required.");
    }

    @Test
    void rejectsAnUnknownPackageType() {
        assertThatThrownBy(() -> parse("--types", "deb,apk"))
                .hasMessageContaining("Unknown package type 'apk'").hasMessageContaining("deb, rpm, msi, pkg or dmg");
    }

    @Test
    void rejectsABadCompression() {
        assertThatThrownBy(() -> parse("--deb-compression", "bzip2:9"))
                .hasMessageContaining("Unknown .deb compression 'bzip2'");
    }

    @Test
    void noneMeansNoPackageType() {
        assertThat(PackageType.parseList("none")).isEmpty();
        assertThat(PackageType.parseList(" ")).isEmpty();
        assertThat(PackageType.parseList("pkg, dmg")).containsExactlyInAnyOrder(PackageType.PKG, PackageType.DMG);
    }
}

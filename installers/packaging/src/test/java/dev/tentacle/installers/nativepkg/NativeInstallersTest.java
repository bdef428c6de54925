package dev.tentacle.installers.nativepkg;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tentacle.installers.ApplicationJars;
import dev.tentacle.installers.PackageType;
import dev.tentacle.installers.PackageVersion;
import dev.tentacle.installers.Product;
import dev.tentacle.installers.jdk.Jpackage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** What the Windows and macOS installers do on a machine that cannot build them: say why, and build nothing. */
class NativeInstallersTest {
    private static final Product TENTACLE = Product.load(Path.of("../tentacle/src/main/packaging/product.properties"));

    @TempDir
    Path work;

    private NativeInstallers installers(String version, Optional<String> macVersion) throws IOException {
        Files.writeString(work.resolve("tentacle-agent-1.jar"), "jar");
        var jars = ApplicationJars.in(work, "tentacle-agent", ApplicationJars.Platform.current());
        var jpackage = new Jpackage(TENTACLE, jars, List.of("java.base"), PackageVersion.parse(version).numeric());
        return new NativeInstallers(TENTACLE, PackageVersion.parse(version), macVersion, jpackage);
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void withoutWixTheMsiIsSkippedWithWhatToInstall() throws IOException {
        var notes = new ArrayList<String>();

        List<Path> built = installers("1.0.0", Optional.empty()).build(Set.of(PackageType.MSI), work, work, work,
                notes::add);

        assertThat(built).isEmpty();
        assertThat(notes).singleElement().asString().contains("Skipping the .msi", "WiX Toolset", "choco install");
    }

    @Test
    void aVersionStartingWithZeroSkipsTheMacPackagesUnlessAMacVersionIsGiven() throws IOException {
        var notes = new ArrayList<String>();

        List<Path> built = installers("0.1.0-SNAPSHOT", Optional.empty())
                .build(Set.of(PackageType.PKG, PackageType.DMG), work, work, work, notes::add);

        assertThat(built).isEmpty();
        assertThat(notes).hasSize(2).allSatisfy(note -> assertThat(note)
                .contains("jpackage refuses a macOS version whose first number is 0", "-Dinstallers.mac.version"));
    }
}

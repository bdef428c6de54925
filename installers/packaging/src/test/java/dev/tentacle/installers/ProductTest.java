package dev.tentacle.installers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tentacle.icons.ProductIcon;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProductTest {
    /** The product modules' files, beside this module. */
    private static final Path TENTACLE = Path.of("../tentacle/src/main/packaging/product.properties");
    private static final Path SERVER = Path.of("../octopus-server/src/main/packaging/product.properties");

    @TempDir
    Path directory;

    @Test
    void readsTheTentacleProduct() {
        Product product = Product.load(TENTACLE);

        assertThat(product.name()).isEqualTo("tentacle");
        assertThat(product.installDirectory()).isEqualTo("/opt/tentacle");
        assertThat(product.cli().mainClass()).isEqualTo("dev.tentacle.tentacle.cli.TentacleCli");
        assertThat(product.cli().launcherVariable()).isEqualTo("TENTACLE_LAUNCHER");
        assertThat(product.cli().trainingArguments()).containsExactly("help");
        assertThat(product.gui().name()).isEqualTo("tentacle-manager");
        assertThat(product.gui().icon()).isEqualTo(ProductIcon.TENTACLE_MANAGER);
        assertThat(product.serviceUnitPrefix()).isEqualTo("tentacle-");
        assertThat(product.configureScriptFile()).isRegularFile();
        assertThat(product.extraModules()).contains("jdk.charsets");
    }

    @Test
    void readsTheOctopusServerProduct() {
        Product product = Product.load(SERVER);

        assertThat(product.name()).isEqualTo("octopus-server");
        assertThat(product.cli().logLevel()).isEqualTo("off");
        assertThat(product.cli().runLogLevel()).isEqualTo("info");
        assertThat(product.cli().debugLogLevel()).isEqualTo("debug");
        assertThat(product.gui().mainClass()).isEqualTo("dev.tentacle.servermanager.Launcher");
        assertThat(product.registryKind()).isEqualTo("OctopusServer");
    }

    @Test
    void namesEveryProblemOfABadFileAtOnce() throws IOException {
        String text = Files.readString(TENTACLE)
                .replace("\nname=tentacle\n", "\nname=Tentacle Agent\n")
                .replace("cli.main-class=dev.tentacle.tentacle.cli.TentacleCli\n", "")
                .replace("cli.log-level=info\n", "cli.log-level=loud\n")
                .replace("gui.icon=tentacle-manager\n", "gui.icon=octopus\n")
                .replace("windows.upgrade-uuid=", "windows.upgrade-uuid=not-a-uuid")
                .replace("configure.script=configure-tentacle.sh\n", "configure.script=configure-tentacle.sh\n"
                        + "gui.colour=blue\n");
        Path file = Files.writeString(directory.resolve("product.properties"), text);

        assertThatThrownBy(() -> Product.load(file))
                .isInstanceOf(PackagingException.class)
                .hasMessageContaining("has 7 problems")
                .hasMessageContaining("name is 'Tentacle Agent'; it must be a Debian package name")
                .hasMessageContaining("cli.main-class is missing or empty")
                .hasMessageContaining("cli.log-level is 'loud'")
                .hasMessageContaining("gui.icon is 'octopus'; it must be one of the icons")
                .hasMessageContaining("windows.upgrade-uuid is")
                .hasMessageContaining("gui.colour is not a key this tool knows")
                // The configure script is looked up beside the file, and this copy has none.
                .hasMessageContaining("configure.script names " + directory.resolve("configure-tentacle.sh"));
    }

    @Test
    void aMissingFileSaysWhereEachProductKeepsIts() {
        assertThatThrownBy(() -> Product.load(directory.resolve("nothing.properties")))
                .isInstanceOf(PackagingException.class)
                .hasMessageContaining("does not exist").hasMessageContaining("src/main/packaging/product.properties");
    }
}

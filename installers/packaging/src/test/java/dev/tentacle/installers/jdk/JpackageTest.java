package dev.tentacle.installers.jdk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tentacle.installers.ApplicationJars;
import dev.tentacle.installers.Product;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JpackageTest {
    private static final Product TENTACLE = Product.load(Path.of("../tentacle/src/main/packaging/product.properties"));

    @TempDir
    Path work;

    private Jpackage jpackage() throws IOException {
        Files.writeString(work.resolve("tentacle-agent-1.jar"), "jar");
        Files.writeString(work.resolve("picocli-4.jar"), "jar");
        return new Jpackage(TENTACLE, ApplicationJars.in(work, "tentacle-agent", ApplicationJars.Platform.current()),
                List.of("java.base", "java.sql"), "1.2.3");
    }

    @Test
    void keepsJavaAndTheCdsArchiveInTheRuntime() throws IOException {
        List<String> options = jpackage().applicationOptions(work, "tentacle", jpackage().cliLauncher(""),
                "tentacle-manager", work.resolve("gui.properties"));

        assertThat(options).containsSequence("--jlink-options",
                        "--strip-debug --no-man-pages --no-header-files --generate-cds-archive")
                .containsSequence("--main-jar", "tentacle-agent-1.jar")
                .containsSequence("--main-class", "dev.tentacle.tentacle.cli.TentacleCli")
                .containsSequence("--add-modules", "java.base,java.sql")
                .containsSequence("--add-launcher", "tentacle-manager=" + work.resolve("gui.properties"))
                .doesNotContain("--strip-native-commands");
        String javaOptions = options.get(options.indexOf("--java-options") + 1);
        assertThat(javaOptions).contains("--enable-native-access=ALL-UNNAMED", "-Xlog:all=warning:stderr",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=info");
    }

    @Test
    void writesTheAddedLaunchersPropertiesWithWindowsPathsIntact() throws IOException {
        Jpackage jpackage = jpackage();
        Path file = jpackage.launcherProperties(work.resolve("gui.properties"),
                jpackage.guiLauncher("-Dtentacle.env.TENTACLE_LAUNCHER=$BINDIR/tentacle.exe"),
                Map.of("icon", "C:\\build\\icons\\tentacle-manager.ico", "win-menu", "true"));

        var properties = new Properties();
        try (var reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        }
        assertThat(properties.getProperty("main-class")).isEqualTo("dev.tentacle.manager.Launcher");
        assertThat(properties.getProperty("icon")).isEqualTo("C:\\build\\icons\\tentacle-manager.ico");
        assertThat(properties.getProperty("win-menu")).isEqualTo("true");
        assertThat(properties.getProperty("java-options"))
                .endsWith("-Dtentacle.env.TENTACLE_LAUNCHER=$BINDIR/tentacle.exe");
    }
}

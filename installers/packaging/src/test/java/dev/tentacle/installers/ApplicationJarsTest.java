package dev.tentacle.installers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tentacle.installers.ApplicationJars.Platform;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApplicationJarsTest {
    @TempDir
    Path input;

    private void jars(String... names) throws IOException {
        for (String name : names) {
            Files.writeString(input.resolve(name), name);
        }
    }

    @Test
    void keepsThisPlatformsNativeJarsMainJarFirst() throws IOException {
        jars("picocli-4.7.7.jar", "tentacle-agent-0.1.0-SNAPSHOT.jar",
                "netty-tcnative-boringssl-static-2.0.84.Final.jar",
                "netty-tcnative-boringssl-static-2.0.84.Final-linux-x86_64.jar",
                "netty-tcnative-boringssl-static-2.0.84.Final-linux-aarch_64.jar",
                "netty-tcnative-boringssl-static-2.0.84.Final-osx-x86_64.jar",
                "netty-tcnative-boringssl-static-2.0.84.Final-windows-x86_64.jar",
                "javafx-base-25.0.1.jar", "javafx-base-25.0.1-linux.jar", "javafx-base-25.0.1-win.jar",
                "notes.txt");

        ApplicationJars jars = ApplicationJars.in(input, "tentacle-agent", new Platform("linux", "x86_64"));

        assertThat(jars.mainJar().getFileName()).hasToString("tentacle-agent-0.1.0-SNAPSHOT.jar");
        assertThat(jars.fileNames()).containsExactly("tentacle-agent-0.1.0-SNAPSHOT.jar",
                "javafx-base-25.0.1-linux.jar", "javafx-base-25.0.1.jar",
                "netty-tcnative-boringssl-static-2.0.84.Final-linux-x86_64.jar",
                "netty-tcnative-boringssl-static-2.0.84.Final.jar", "picocli-4.7.7.jar");
    }

    @Test
    void onArmKeepsTheArmJars() throws IOException {
        jars("app-1.jar", "tcnative-1-linux-aarch_64.jar", "tcnative-1-linux-x86_64.jar", "javafx-graphics-25-linux-aarch64.jar",
                "javafx-graphics-25-linux.jar", "tcnative-1-osx-aarch_64.jar");

        ApplicationJars jars = ApplicationJars.in(input, "app", new Platform("linux", "aarch64"));

        assertThat(jars.fileNames()).containsExactly("app-1.jar", "javafx-graphics-25-linux-aarch64.jar",
                "tcnative-1-linux-aarch_64.jar");
    }

    @Test
    void refusesADirectoryWithoutJars() throws IOException {
        jars("readme.txt");

        assertThatThrownBy(() -> ApplicationJars.in(input, "app", Platform.current()))
                .isInstanceOf(PackagingException.class).hasMessageContaining("There are no jars in " + input);
    }

    @Test
    void refusesAMissingDirectory() {
        assertThatThrownBy(() -> ApplicationJars.in(input.resolve("missing"), "app", Platform.current()))
                .isInstanceOf(PackagingException.class).hasMessageContaining("Cannot list the product's jars");
    }

    @Test
    void refusesAMissingOrAmbiguousMainJar() throws IOException {
        jars("app-core-1.jar", "app-cli-1.jar");

        assertThatThrownBy(() -> ApplicationJars.in(input, "server", Platform.current()))
                .hasMessageContaining("No jar").hasMessageContaining("start with 'server-'");
        assertThatThrownBy(() -> ApplicationJars.in(input, "app", Platform.current()))
                .hasMessageContaining("2 jars").hasMessageContaining("exactly one");
    }

    @Test
    void refusesAJarNameTheLaunchersWouldHaveToQuote() throws IOException {
        jars("app-1.jar", "odd name$.jar");

        assertThatThrownBy(() -> ApplicationJars.in(input, "app", Platform.current()))
                .hasMessageContaining("[odd name$.jar]").hasMessageContaining("cannot put in a class path");
    }
}

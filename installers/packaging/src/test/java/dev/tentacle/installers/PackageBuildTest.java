package dev.tentacle.installers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackageBuildTest {
    @TempDir
    Path work;

    private PackageBuild build(String product, String types, ByteArrayOutputStream out) {
        return new PackageBuild(BuildOptions.parse("--product", product, "--input", work.resolve("in").toString(),
                "--work", work.resolve("work").toString(), "--output", work.resolve("out").toString(), "--version",
                "0.1.0-SNAPSHOT", "--types", types), new PrintStream(out, true, StandardCharsets.UTF_8));
    }

    @Test
    void aBuildOfNoTypeClearsTheEarlierPackagesAndBuildsNothing() throws IOException {
        Path output = Files.createDirectories(work.resolve("out"));
        Files.writeString(output.resolve("tentacle_0.0.9_amd64.deb"), "old");
        Files.writeString(output.resolve("tentacle-0.0.9-1.x86_64.rpm"), "old");
        Files.writeString(output.resolve("notes.txt"), "kept");

        var out = new ByteArrayOutputStream();
        assertThat(build("../tentacle/src/main/packaging/product.properties", "none", out).run()).isEmpty();

        assertThat(output.resolve("tentacle_0.0.9_amd64.deb")).doesNotExist();
        assertThat(output.resolve("tentacle-0.0.9-1.x86_64.rpm")).doesNotExist();
        assertThat(output.resolve("notes.txt")).exists();
    }

    @Test
    void aTypeForAnotherSystemIsSkippedWithAReason() {
        var out = new ByteArrayOutputStream();
        String type = System.getProperty("os.name").startsWith("Windows") ? "pkg" : "msi";

        assertThat(build("../tentacle/src/main/packaging/product.properties", type, out).run()).isEmpty();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("[installers]", "." + type);
    }

    @Test
    void aBrokenProductFileStopsTheBuildBeforeAnythingIsMade() {
        assertThatThrownBy(() -> build(work.resolve("missing.properties").toString(), "deb",
                new ByteArrayOutputStream()).run())
                .isInstanceOf(PackagingException.class).hasMessageContaining("does not exist");
        assertThat(work.resolve("work")).doesNotExist();
    }
}

package dev.tentacle.installers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TreeFilesTest {
    @TempDir
    Path root;

    @Test
    void givesEveryFileOneTimeAndPlainPermissionsWhateverTheUmask() throws IOException {
        Path script = TreeFiles.write(root.resolve("opt/app/bin/app"), "#!/bin/sh\n",
                PosixFilePermissions.fromString("rwx------"));
        Path data = TreeFiles.write(root.resolve("opt/app/lib/app.jar"), "jar", PosixFilePermissions.fromString("rw-------"));
        TreeFiles.symlink(root.resolve("usr/bin/app"), script);
        Files.setPosixFilePermissions(root.resolve("opt/app/lib"), PosixFilePermissions.fromString("rwx------"));
        FileTime time = FileTime.from(Instant.parse("2025-01-02T03:04:05Z"));

        TreeFiles.normalize(root, time);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(script))).isEqualTo("rwxr-xr-x");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data))).isEqualTo("rw-r--r--");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(root.resolve("opt/app/lib"))))
                .isEqualTo("rwxr-xr-x");
        assertThat(Files.getLastModifiedTime(data)).isEqualTo(time);
        assertThat(Files.getLastModifiedTime(root.resolve("opt"))).isEqualTo(time);
        assertThat(Files.readSymbolicLink(root.resolve("usr/bin/app"))).hasToString("../../opt/app/bin/app");
    }

    @Test
    void countsInstalledSizeInKibibytesPerFile() {
        TreeFiles.write(root.resolve("a"), "x".repeat(1025), TreeFiles.READABLE);
        TreeFiles.write(root.resolve("d/b"), "y", TreeFiles.READABLE);

        // 2 + 1 for the files, 1 each for the root and d.
        assertThat(TreeFiles.installedKibibytes(root)).isEqualTo(5);
    }

    @Test
    void deletesATreeAndToleratesAMissingOne() {
        TreeFiles.write(root.resolve("x/y/z"), "z", TreeFiles.READABLE);
        TreeFiles.symlink(root.resolve("x/link"), root.resolve("elsewhere"));

        TreeFiles.deleteRecursively(root.resolve("x"));
        TreeFiles.deleteRecursively(root.resolve("x"));

        assertThat(root.resolve("x")).doesNotExist();
        assertThat(Files.exists(root.resolve("x/link"), LinkOption.NOFOLLOW_LINKS)).isFalse();
    }

    @Test
    void aMissingResourceNamesTheIconsModule() {
        assertThatThrownBy(() -> TreeFiles.copyResource("/dev/tentacle/icons/no-such-icon.png", root.resolve("i.png")))
                .isInstanceOf(PackagingException.class).hasMessageContaining("tentacle-icons");
    }
}

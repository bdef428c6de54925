package dev.tentacle.installers.debian;

import dev.tentacle.installers.PackageType;
import dev.tentacle.installers.PackagingException;
import dev.tentacle.installers.Processes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds the .deb a product module's build made, for its package test: the test runs in {@code integration-test},
 * after {@code package} built it into {@code target/packages}.
 */
public final class BuiltPackage {
    private BuiltPackage() {
    }

    /**
     * Why no .deb is expected from this build, when that is so: the build was not asked for one (not Linux), or
     * dpkg-deb is missing. When a .deb is expected it must be there.
     *
     * @param types the build's {@code installers.types}
     */
    public static Optional<String> notExpected(String types) {
        if (!PackageType.parseList(types).contains(PackageType.DEB)) {
            return Optional.of("This build makes no .deb (installers.types is " + types + ").");
        }
        if (Processes.find("dpkg-deb").isEmpty() || Processes.find("dpkg").isEmpty()) {
            return Optional.of("dpkg and dpkg-deb are not installed, so the build skipped the .deb.");
        }
        return Optional.empty();
    }

    /**
     * The one {@code NAME_*.deb} in the output directory.
     *
     * @throws PackagingException when there is none or more than one
     */
    public static Path deb(Path output, String packageName) {
        try (Stream<Path> files = Files.list(output)) {
            List<Path> debs = files.filter(f -> f.getFileName().toString().startsWith(packageName + "_")
                    && f.getFileName().toString().endsWith(".deb")).toList();
            if (debs.size() != 1) {
                throw new PackagingException("Expected one " + packageName + "_*.deb in " + output + ", found " + debs);
            }
            return debs.getFirst();
        } catch (IOException e) {
            throw new PackagingException("Cannot list " + output + ": " + e.getMessage()
                    + ". The package is built in the package phase: run ./mvnw -B verify.", e);
        }
    }
}

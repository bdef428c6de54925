package dev.tentacle.installers.debian;

import dev.tentacle.installers.PackagingException;
import dev.tentacle.installers.Processes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A throwaway root that dpkg installs packages into, with their maintainer scripts, without touching the machine:
 * {@code dpkg --root=DIR --force-script-chrootless --force-not-root --force-depends}. dpkg then runs the scripts in
 * place (no chroot, so no root needed) with {@code DPKG_ROOT=DIR}, which the product's scripts put before every
 * path. It works as root and as any other user (files then belong to that user).
 */
public final class DpkgRoot {
    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    private final Path root;

    private DpkgRoot(Path root) {
        this.root = root;
    }

    /**
     * Creates dpkg's database in an empty directory.
     *
     * @throws PackagingException when the directory cannot be prepared
     */
    public static DpkgRoot create(Path root) {
        Objects.requireNonNull(root, "root");
        try {
            Path database = root.resolve("var/lib/dpkg");
            for (String directory : List.of("info", "updates", "triggers")) {
                Files.createDirectories(database.resolve(directory));
            }
            for (String file : List.of("status", "available")) {
                if (!Files.exists(database.resolve(file))) {
                    Files.createFile(database.resolve(file));
                }
            }
        } catch (IOException e) {
            throw new PackagingException("Cannot prepare dpkg's database in " + root + ": " + e.getMessage(), e);
        }
        return new DpkgRoot(root.toAbsolutePath());
    }

    public Path root() {
        return root;
    }

    /** A path inside the root: {@code resolve("/opt/tentacle")}. */
    public Path resolve(String absolutePath) {
        return root.resolve(absolutePath.startsWith("/") ? absolutePath.substring(1) : absolutePath);
    }

    /** {@code dpkg -i}: unpacks the package and runs preinst and postinst. */
    public Processes.Result install(Path deb) {
        return dpkg("--install", deb.toString());
    }

    /** {@code dpkg -r}: runs prerm, removes the files, runs postrm remove. */
    public Processes.Result remove(String packageName) {
        return dpkg("--remove", packageName);
    }

    /** {@code dpkg -P}: removes what is left (configuration) and runs postrm purge. */
    public Processes.Result purge(String packageName) {
        return dpkg("--purge", packageName);
    }

    /** {@code dpkg -s}: the package's status, such as {@code install ok installed}; exit code 1 when unknown. */
    public Processes.Result status(String packageName) {
        return run("--status", packageName);
    }

    /** {@code dpkg -L}: the files dpkg installed for the package. */
    public List<String> listFiles(String packageName) {
        return run("--listfiles", packageName).requireSuccess("listing " + packageName + "'s files").stdout()
                .lines().filter(line -> !line.isBlank()).toList();
    }

    private Processes.Result dpkg(String... arguments) {
        return run(arguments);
    }

    private Processes.Result run(String... arguments) {
        var command = new ArrayList<>(List.of("dpkg", "--root=" + root, "--log=/dev/null", "--force-not-root",
                "--force-script-chrootless", "--force-depends", "--force-bad-path"));
        command.addAll(List.of(arguments));
        // HOME is the root, so that no ~/.dpkg.cfg of whoever runs the tests gets in.
        return Processes.run(command, root, Map.of("HOME", root.toString()), TIMEOUT);
    }
}

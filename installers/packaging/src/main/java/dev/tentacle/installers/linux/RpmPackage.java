package dev.tentacle.installers.linux;

import dev.tentacle.installers.PackageVersion;
import dev.tentacle.installers.PackagingException;
import dev.tentacle.installers.Processes;
import dev.tentacle.installers.Product;
import dev.tentacle.installers.Template;
import dev.tentacle.installers.TreeFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The .rpm: {@code rpmbuild} copies the staged tree ({@code cp -a}, times kept) into its build root, with the same
 * maintainer functions as the .deb in {@code %post} and {@code %preun}, and with RPM's post-install processing
 * switched off so that the jars stay exactly those the AOT cache was recorded against. Built only where
 * {@code rpmbuild} is installed.
 */
public final class RpmPackage {
    private static final Duration TIMEOUT = Duration.ofMinutes(15);

    private RpmPackage() {
    }

    /** Why no .rpm can be built here, when that is so. */
    public static Optional<String> unavailable() {
        return Processes.find("rpmbuild").isPresent() ? Optional.empty()
                : Optional.of("Skipping the .rpm: rpmbuild is not installed. Install it (Debian/Ubuntu: apt-get install"
                        + " rpm; Fedora/RHEL: dnf install rpm-build) and build again to get one.");
    }

    /**
     * Builds the .rpm.
     *
     * @param tree the staged tree, AOT cache included
     * @param work an empty directory for rpmbuild's top directory
     * @param output the directory the package goes to
     * @return the package
     */
    public static Path build(LinuxTree tree, PackageVersion version, LinuxArchitecture architecture, Path work,
            Path output) {
        Product product = tree.product();
        Map<String, String> values = new HashMap<>(LinuxTree.values(product));
        values.put("VERSION", version.linux());
        values.put("ARCHITECTURE", architecture.rpm());
        values.put("MAINTAINER", product.maintainer());
        values.put("SUMMARY", product.summary());
        values.put("DESCRIPTION", product.description());
        values.put("STAGING", tree.root().toString());
        values.put("MAINTAINER_FUNCTIONS", Template.resource("linux/maintainer-functions.sh").render(values));
        Path spec = TreeFiles.write(work.resolve(product.name() + ".spec"),
                Template.resource("linux/rpm.spec").render(values), TreeFiles.READABLE);
        Path rpms = work.resolve("RPMS");
        Processes.run(List.of("rpmbuild", "-bb", "--define", "_topdir " + work, "--define", "_rpmdir " + rpms,
                        spec.toString()), work, Map.of(), TIMEOUT)
                .requireSuccess("building the " + product.title() + " .rpm");
        try (Stream<Path> built = Files.walk(rpms)) {
            Path rpm = built.filter(path -> path.getFileName().toString().endsWith(".rpm")).findFirst()
                    .orElseThrow(() -> new PackagingException("rpmbuild reported success but wrote no .rpm under "
                            + rpms + "."));
            Files.createDirectories(output);
            return Files.move(rpm, output.resolve(rpm.getFileName()),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new PackagingException("Cannot move the .rpm from " + rpms + " to " + output + ": " + e.getMessage(),
                    e);
        }
    }
}

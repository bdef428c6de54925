package dev.tentacle.installers.linux;

import dev.tentacle.installers.PackageVersion;
import dev.tentacle.installers.PackagingException;
import dev.tentacle.installers.Processes;
import dev.tentacle.installers.Product;
import dev.tentacle.installers.Template;
import dev.tentacle.installers.TreeFiles;
import dev.tentacle.installers.debian.DebCompression;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The .deb: the staged tree plus a {@code DEBIAN} directory (control file and maintainer scripts), packed by
 * {@code dpkg-deb --root-owner-group}, so that no fakeroot is needed and every file belongs to root.
 *
 * <p>The maintainer scripts: {@code postinst} prints how to set up an instance after the first install and restarts
 * the product's services after an upgrade; {@code prerm} stops, disables and deletes them on removal; {@code postrm}
 * deletes the machine-wide instances on purge only. All three honour {@code DPKG_ROOT}.
 */
public final class DebianPackage {
    private static final Duration TIMEOUT = Duration.ofMinutes(15);
    private static final int DESCRIPTION_WIDTH = 79;

    private DebianPackage() {
    }

    /** The package's file name: {@code NAME_VERSION_ARCH.deb}. */
    public static String fileName(Product product, PackageVersion version, LinuxArchitecture architecture) {
        return product.name() + "_" + version.linux() + "_" + architecture.debian() + ".deb";
    }

    /**
     * Builds the .deb.
     *
     * @param tree the staged tree, AOT cache included
     * @param output the directory the package goes to
     * @return the package
     */
    public static Path build(LinuxTree tree, PackageVersion version, LinuxArchitecture architecture,
            DebCompression compression, Path output) {
        Product product = tree.product();
        Map<String, String> values = new HashMap<>(LinuxTree.values(product));
        values.put("VERSION", version.linux());
        values.put("ARCHITECTURE", architecture.debian());
        values.put("MAINTAINER", product.maintainer());
        values.put("SUMMARY", product.summary());
        values.put("DESCRIPTION", description(product.description()));
        values.put("INSTALLED_SIZE", Long.toString(TreeFiles.installedKibibytes(tree.root())));
        values.put("MAINTAINER_FUNCTIONS", Template.resource("linux/maintainer-functions.sh").render(values));
        Path control = tree.root().resolve("DEBIAN");
        TreeFiles.deleteRecursively(control);
        TreeFiles.write(control.resolve("control"), Template.resource("linux/control").render(values),
                TreeFiles.READABLE);
        for (String script : List.of("postinst", "prerm", "postrm")) {
            TreeFiles.write(control.resolve(script), Template.resource("linux/" + script).render(values),
                    TreeFiles.EXECUTABLE);
        }
        Path deb = output.resolve(fileName(product, version, architecture));
        try {
            Files.createDirectories(output);
            Files.deleteIfExists(deb);
            var command = new ArrayList<>(List.of("dpkg-deb", "--root-owner-group", "-Z" + compression.type()));
            if (!compression.type().equals("none")) {
                command.add("-z" + compression.level());
            }
            command.addAll(List.of("--build", tree.root().toString(), deb.toString()));
            Processes.run(command, tree.root(), Map.of(), TIMEOUT).requireSuccess("building " + deb.getFileName());
        } catch (IOException e) {
            throw new PackagingException("Cannot write to " + output + ": " + e.getMessage(), e);
        } finally {
            // The staged tree also feeds the .rpm, which must not carry Debian's control files.
            TreeFiles.deleteRecursively(control);
        }
        return deb;
    }

    /**
     * The long description: the text wrapped at 79 columns, each line indented by one space, as deb-control(5)
     * wants.
     */
    static String description(String text) {
        var lines = new ArrayList<String>();
        var line = new StringBuilder();
        for (String word : text.strip().split("\\s+")) {
            if (!line.isEmpty() && line.length() + 1 + word.length() > DESCRIPTION_WIDTH - 1) {
                lines.add(" " + line);
                line.setLength(0);
            }
            line.append(line.isEmpty() ? "" : " ").append(word);
        }
        if (!line.isEmpty()) {
            lines.add(" " + line);
        }
        return String.join("\n", lines);
    }
}

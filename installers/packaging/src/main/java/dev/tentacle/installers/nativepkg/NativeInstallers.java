package dev.tentacle.installers.nativepkg;

import dev.tentacle.installers.PackageType;
import dev.tentacle.installers.PackageVersion;
import dev.tentacle.installers.PackagingException;
import dev.tentacle.installers.Processes;
import dev.tentacle.installers.Product;
import dev.tentacle.installers.Template;
import dev.tentacle.installers.TreeFiles;
import dev.tentacle.installers.jdk.Jpackage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The Windows and macOS installers, built by jpackage on those systems (docs/installers.md):
 * <ul>
 *   <li><b>.msi</b> (WiX): installs under {@code C:\Program Files\NAME}, the command line as a console program
 *       ({@code NAME.exe}, added to no menu), the desktop app with a Start menu entry and a desktop shortcut, and an
 *       upgrade code that stays the same, so a new version replaces the old.</li>
 *   <li><b>.pkg</b> and <b>.dmg</b>: an app bundle named after the desktop app (double-clicking opens it), with the
 *       command line beside it in {@code Contents/MacOS}; the .pkg links it into {@code /usr/local/bin}.</li>
 * </ul>
 * jpackage's native launchers start these, so the programs learn their command line's path (for the services they
 * install) from a system property: {@code -Dtentacle.env.VARIABLE=$BINDIR/NAME}, which
 * {@code HostEnvironment.current()} reads when the environment variable is not set.
 */
public final class NativeInstallers {
    private final Product product;
    private final PackageVersion version;
    private final Optional<String> macVersion;
    private final Jpackage jpackage;

    public NativeInstallers(Product product, PackageVersion version, Optional<String> macVersion, Jpackage jpackage) {
        this.product = Objects.requireNonNull(product, "product");
        this.version = Objects.requireNonNull(version, "version");
        this.macVersion = Objects.requireNonNull(macVersion, "macVersion");
        this.jpackage = Objects.requireNonNull(jpackage, "jpackage");
    }

    /**
     * Builds the installers of the given types; a type this machine lacks the tools for is skipped with a note.
     *
     * @param input the jars, as {@link Jpackage#stageInput} laid them out
     * @param work an empty directory
     * @param output where the installers go
     * @param notes told why a type was skipped
     * @return the installers built
     */
    public List<Path> build(Set<PackageType> types, Path input, Path work, Path output, Consumer<String> notes) {
        var built = new ArrayList<Path>();
        for (PackageType type : types) {
            switch (type) {
                case MSI -> {
                    Optional<String> missing = WixToolset.missing();
                    if (missing.isPresent()) {
                        notes.accept(missing.get());
                    } else {
                        built.addAll(windows(input, work.resolve("msi"), output));
                    }
                }
                case PKG, DMG -> {
                    Optional<String> appVersion = macVersion.or(version::macOs);
                    if (appVersion.isEmpty()) {
                        notes.accept("Skipping the ." + type.extension() + ": jpackage refuses a macOS version whose"
                                + " first number is 0, and this is " + version.original() + ". Build with"
                                + " -Dinstallers.mac.version=X.Y.Z (X at least 1) to get one.");
                    } else {
                        built.addAll(mac(type, appVersion.get(), input, work.resolve(type.extension()), output));
                    }
                }
                case DEB, RPM -> throw new IllegalArgumentException(type + " is built by the Linux steps");
            }
        }
        return built;
    }

    private List<Path> windows(Path input, Path work, Path output) {
        Path icons = work.resolve("icons");
        Path productIcon = TreeFiles.copyResource(product.icon().icoResource(), icons.resolve(product.name() + ".ico"));
        Path guiIcon = TreeFiles.copyResource(product.gui().icon().icoResource(),
                icons.resolve(product.gui().name() + ".ico"));
        String launcherProperty = launcherProperty(product.cli().name() + ".exe");
        Jpackage.Launcher gui = jpackage.guiLauncher(launcherProperty);
        Path guiProperties = jpackage.launcherProperties(work.resolve(gui.name() + ".properties"), gui, Map.of(
                "icon", guiIcon.toString(),
                "win-console", "false",
                "win-shortcut", "true",
                "win-menu", "true",
                "description", product.gui().title()));
        var options = List.of("--icon", productIcon.toString(),
                "--win-console",
                "--win-dir-chooser",
                "--win-menu-group", product.title(),
                "--win-upgrade-uuid", product.windowsUpgradeUuid(),
                "--app-version", version.windows());
        return run("msi", input, work, output, product.name(), jpackage.cliLauncher(launcherProperty), gui,
                guiProperties, options);
    }

    private List<Path> mac(PackageType type, String appVersion, Path input, Path work, Path output) {
        Path icons = work.resolve("icons");
        Path guiIcon = TreeFiles.copyResource(product.gui().icon().icnsResource(),
                icons.resolve(product.gui().name() + ".icns"));
        String launcherProperty = launcherProperty(product.cli().name());
        Jpackage.Launcher cli = jpackage.cliLauncher(launcherProperty);
        Path cliProperties = jpackage.launcherProperties(work.resolve(cli.name() + ".properties"), cli, Map.of());
        var options = new ArrayList<>(List.of("--icon", guiIcon.toString(),
                "--mac-package-identifier", product.macBundleId(),
                // The menu bar's name, which jpackage wants shorter than 16 characters.
                "--mac-package-name", product.title(),
                "--mac-app-category", "public.app-category.developer-tools",
                "--app-version", appVersion));
        if (type == PackageType.PKG) {
            Path resources = work.resolve("resources");
            TreeFiles.write(resources.resolve("postinstall"), Template.resource("macos/postinstall").render(Map.of(
                    "APP_BUNDLE", product.gui().title() + ".app",
                    "CLI_NAME", product.cli().name(),
                    "TITLE", product.title())), TreeFiles.EXECUTABLE);
            options.addAll(List.of("--resource-dir", resources.toString()));
        }
        return run(type.extension(), input, work, output, product.gui().title(), jpackage.guiLauncher(launcherProperty),
                cli, cliProperties, options);
    }

    /** The system property through which the launchers pass the command line's path; see the class comment. */
    private String launcherProperty(String cliFileName) {
        return "-Dtentacle.env." + product.cli().launcherVariable() + "=$BINDIR/" + cliFileName;
    }

    private List<Path> run(String type, Path input, Path work, Path output, String appName, Jpackage.Launcher main,
            Jpackage.Launcher added, Path addedProperties, List<String> options) {
        Path destination = work.resolve("out");
        jpackage.installer(type, input, destination, appName, main, added, addedProperties, options);
        try (Stream<Path> files = Files.list(destination)) {
            var moved = new ArrayList<Path>();
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith("." + type)).toList()) {
                Files.createDirectories(output);
                moved.add(Files.move(file, output.resolve(file.getFileName()),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING));
            }
            if (moved.isEmpty()) {
                throw new PackagingException("jpackage reported success but wrote no ." + type + " in " + destination);
            }
            return moved;
        } catch (IOException e) {
            throw new PackagingException("Cannot move the ." + type + " to " + output + ": " + e.getMessage(), e);
        }
    }

    /** Whether jpackage can find WiX, which it needs for an .msi. */
    static final class WixToolset {
        private WixToolset() {
        }

        /** Why no .msi can be built here, when WiX 3 ({@code candle}, {@code light}) and WiX 4+ ({@code wix}) are absent. */
        static Optional<String> missing() {
            boolean onPath = Processes.find("wix.exe").isPresent() || Processes.find("candle.exe").isPresent();
            boolean installed = Stream.of("C:\\Program Files (x86)", "C:\\Program Files")
                    .map(Path::of).filter(Files::isDirectory).anyMatch(NativeInstallers::hasWixDirectory);
            return onPath || installed ? Optional.empty() : Optional.of("Skipping the .msi: jpackage needs the WiX"
                    + " Toolset, which is not installed. Install WiX 3.14 (https://wixtoolset.org, or: choco install"
                    + " wixtoolset) or WiX 4+ (dotnet tool install --global wix), then build again.");
        }
    }

    private static boolean hasWixDirectory(Path programFiles) {
        try (Stream<Path> entries = Files.list(programFiles)) {
            return entries.anyMatch(p -> p.getFileName().toString().startsWith("WiX Toolset"));
        } catch (IOException e) {
            return false;
        }
    }
}

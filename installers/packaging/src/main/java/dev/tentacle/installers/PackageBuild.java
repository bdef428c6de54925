package dev.tentacle.installers;

import dev.tentacle.installers.jdk.Jpackage;
import dev.tentacle.installers.jdk.RuntimeModules;
import dev.tentacle.installers.linux.AotCache;
import dev.tentacle.installers.linux.DebianPackage;
import dev.tentacle.installers.linux.DesktopAppAotCache;
import dev.tentacle.installers.linux.LinuxArchitecture;
import dev.tentacle.installers.linux.LinuxTree;
import dev.tentacle.installers.linux.RpmPackage;
import dev.tentacle.installers.linux.VirtualDisplay;
import dev.tentacle.installers.nativepkg.NativeInstallers;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Builds one product's packages (docs/installers.md): finds the JDK modules its jars use (jdeps), has jpackage make
 * the application image with a jlinked runtime, and then
 * <ul>
 *   <li>on Linux, lays out the installed tree with shell launchers, records the AOT cache against it, and packs it
 *       as a .deb (dpkg-deb) and an .rpm (rpmbuild, where installed);</li>
 *   <li>on Windows and macOS, has jpackage build the .msi, .pkg and .dmg.</li>
 * </ul>
 * Maven runs it in {@code package} for each product module; exit code 0 when the packages (or the reasons for
 * skipping one) are there, 1 when the build failed, with a message that says why.
 */
public final class PackageBuild {
    private final BuildOptions options;
    private final PrintStream out;

    PackageBuild(BuildOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    public static void main(String[] args) {
        try {
            List<Path> packages = new PackageBuild(BuildOptions.parse(args), System.out).run();
            System.out.println(packages.isEmpty() ? "No package built." : "Built " + packages.size() + " package"
                    + (packages.size() == 1 ? "" : "s") + ".");
        } catch (IllegalArgumentException | PackagingException e) {
            System.err.println("Packaging failed: " + e.getMessage());
            System.exit(1);
        }
    }

    /** Builds the packages and returns them. */
    List<Path> run() {
        Product product = Product.load(options.productFile());
        PackageVersion version = PackageVersion.parse(options.version());
        Set<PackageType> types = buildable(options.types());
        removeEarlierPackages();
        if (types.isEmpty()) {
            return List.of();
        }
        Instant start = Instant.now();
        ApplicationJars jars = ApplicationJars.in(options.input(), product.cli().mainJar(),
                ApplicationJars.Platform.current());
        List<String> modules = RuntimeModules.of(jars.jars(), product.extraModules());
        log(start, "runtime modules (jdeps): " + String.join(",", modules));
        var jpackage = new Jpackage(product, jars, modules, version.numeric());
        Path input = jpackage.stageInput(fresh("app-input"));
        var packages = new ArrayList<Path>();
        if (types.contains(PackageType.DEB) || types.contains(PackageType.RPM)) {
            packages.addAll(linux(product, version, types, jpackage, jars, input, start));
        }
        var nativeTypes = EnumSet.copyOf(types);
        nativeTypes.removeIf(PackageType::isLinux);
        if (!nativeTypes.isEmpty()) {
            packages.addAll(new NativeInstallers(product, version, options.macVersion(), jpackage)
                    .build(nativeTypes, input, fresh("native"), options.output(), this::note));
            log(start, "native installers: " + nativeTypes);
        }
        packages.forEach(path -> out.println("Package: " + path + " (" + megabytes(path) + " MB)"));
        return packages;
    }

    private List<Path> linux(Product product, PackageVersion version, Set<PackageType> types, Jpackage jpackage,
            ApplicationJars jars, Path input, Instant start) {
        Path root = fresh("linux-root");
        LinuxTree tree = LinuxTree.build(root, product, jpackage, jars, input, fresh("linux-work"));
        log(start, "application image and launchers in " + tree.appDirectory());
        FileTime time = treeTime();
        TreeFiles.normalize(root, time);
        AotCache.record(tree, product.cli().trainingArguments(), fresh("aot-training"), time);
        log(start, "AOT cache " + tree.aotCache().getFileName() + " (" + megabytes(tree.aotCache()) + " MB), checked");
        VirtualDisplay.unavailable().ifPresentOrElse(
                reason -> note("No AOT cache for the " + product.gui().title() + ": " + reason + ". It starts without"
                        + " one, about twice as slow to its first window."),
                () -> {
                    DesktopAppAotCache.record(tree, fresh("gui-aot-training"), time);
                    Path cache = DesktopAppAotCache.file(tree);
                    log(start, "AOT cache " + cache.getFileName() + " (" + megabytes(cache) + " MB), checked");
                });
        var architecture = LinuxArchitecture.current();
        var packages = new ArrayList<Path>();
        if (types.contains(PackageType.DEB)) {
            packages.add(DebianPackage.build(tree, version, architecture, options.debCompression(), options.output()));
            log(start, ".deb (" + options.debCompression() + ")");
        }
        if (types.contains(PackageType.RPM)) {
            packages.add(RpmPackage.build(tree, version, architecture, fresh("rpm"), options.output()));
            log(start, ".rpm");
        }
        return packages;
    }

    /** The requested types this machine can build; a note for each one it cannot. */
    private Set<PackageType> buildable(Set<PackageType> requested) {
        var types = EnumSet.noneOf(PackageType.class);
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        for (PackageType type : requested) {
            Optional<String> reason = switch (type) {
                case DEB -> !os.startsWith("linux") ? Optional.of(".deb packages are built on Linux.")
                        : Processes.find("dpkg-deb").isEmpty() ? Optional.of("Skipping the .deb: dpkg-deb is not"
                                + " installed (Debian/Ubuntu: apt-get install dpkg; Fedora: dnf install dpkg).")
                        : Optional.empty();
                case RPM -> !os.startsWith("linux") ? Optional.of(".rpm packages are built on Linux.")
                        : RpmPackage.unavailable();
                case MSI -> os.startsWith("windows") ? Optional.empty()
                        : Optional.of(".msi installers are built on Windows.");
                case PKG, DMG -> os.startsWith("mac") ? Optional.empty()
                        : Optional.of("." + type.extension() + " installers are built on macOS.");
            };
            reason.ifPresentOrElse(this::note, () -> types.add(type));
        }
        return types;
    }

    /**
     * One time for every file of the Linux packages: {@code SOURCE_DATE_EPOCH} when the build sets it (reproducible
     * builds), else now; whole seconds, which is what tar and the AOT cache keep.
     */
    static FileTime treeTime() {
        String epoch = System.getenv("SOURCE_DATE_EPOCH");
        if (epoch != null && epoch.strip().matches("\\d+")) {
            return FileTime.from(Instant.ofEpochSecond(Long.parseLong(epoch.strip())));
        }
        return FileTime.from(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    }

    /**
     * Deletes the packages an earlier build left in the output directory (the module's own {@code target/packages}),
     * so that it holds this build's only: a test must not pick up an .rpm from a machine that had rpmbuild then.
     */
    private void removeEarlierPackages() {
        if (!Files.isDirectory(options.output())) {
            return;
        }
        try (var files = Files.list(options.output())) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                if (java.util.Arrays.stream(PackageType.values()).anyMatch(t -> name.endsWith("." + t.extension()))) {
                    Files.delete(file);
                }
            }
        } catch (IOException e) {
            throw new PackagingException("Cannot clear the earlier packages from " + options.output() + ": "
                    + e.getMessage(), e);
        }
    }

    private Path fresh(String name) {
        Path directory = options.work().resolve(name);
        TreeFiles.deleteRecursively(directory);
        try {
            return Files.createDirectories(directory);
        } catch (IOException e) {
            throw new PackagingException("Cannot create " + directory + ": " + e.getMessage(), e);
        }
    }

    private void note(String message) {
        out.println("[installers] " + message);
    }

    private void log(Instant start, String step) {
        out.printf(Locale.ROOT, "[installers] %5.1f s  %s%n", Duration.between(start, Instant.now()).toMillis() / 1000.0,
                step);
    }

    private static String megabytes(Path file) {
        try {
            return String.format(Locale.ROOT, "%.1f", Files.size(file) / 1_000_000.0);
        } catch (IOException e) {
            return "?";
        }
    }
}

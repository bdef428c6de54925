package dev.tentacle.installers;

import dev.tentacle.installers.debian.DebCompression;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What {@link PackageBuild} is asked to build, from its command line.
 *
 * @param productFile the product's {@code product.properties}
 * @param input the directory holding the product's runtime jars
 * @param work a directory the tool may fill and empty (app image, staging trees)
 * @param output where the finished packages go
 * @param version the project's version, such as {@code 0.1.0-SNAPSHOT}
 * @param types the package types to build
 * @param debCompression how {@code dpkg-deb} compresses the .deb
 * @param macVersion the version for the macOS bundle, when the project's version cannot be one (see
 *     {@link PackageVersion#macOs})
 */
public record BuildOptions(Path productFile, Path input, Path work, Path output, String version, Set<PackageType> types,
        DebCompression debCompression, Optional<String> macVersion) {
    static final String USAGE = "Usage: PackageBuild --product FILE --input DIR --work DIR --output DIR --version VERSION"
            + " [--types deb,rpm,msi,pkg,dmg|none] [--deb-compression TYPE:LEVEL] [--mac-version X.Y.Z]";
    private static final List<String> REQUIRED = List.of("--product", "--input", "--work", "--output", "--version");
    private static final Set<String> KNOWN = Set.of("--product", "--input", "--work", "--output", "--version",
            "--types", "--deb-compression", "--mac-version");

    public BuildOptions {
        Objects.requireNonNull(productFile, "productFile");
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(work, "work");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(version, "version");
        types = Set.copyOf(types);
        Objects.requireNonNull(debCompression, "debCompression");
        Objects.requireNonNull(macVersion, "macVersion");
    }

    /**
     * Parses {@code --name value} pairs.
     *
     * @throws IllegalArgumentException saying which option is wrong, followed by the usage line
     */
    public static BuildOptions parse(String... args) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (!KNOWN.contains(name)) {
                throw usage("Unknown option '" + name + "'.");
            }
            if (i + 1 >= args.length) {
                throw usage("The option " + name + " needs a value.");
            }
            if (values.put(name, args[++i]) != null) {
                throw usage("The option " + name + " is given twice.");
            }
        }
        for (String name : REQUIRED) {
            if (values.getOrDefault(name, "").isBlank()) {
                throw usage("The option " + name + " is required.");
            }
        }
        try {
            return new BuildOptions(path(values, "--product"), path(values, "--input"), path(values, "--work"),
                    path(values, "--output"), values.get("--version").strip(),
                    PackageType.parseList(values.getOrDefault("--types", "none")),
                    DebCompression.parse(values.getOrDefault("--deb-compression", DebCompression.DEFAULT.toString())),
                    Optional.ofNullable(values.get("--mac-version")).map(String::strip).filter(v -> !v.isEmpty()));
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
    }

    private static Path path(Map<String, String> values, String name) {
        String value = values.get(name);
        try {
            return Path.of(value).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("The value of " + name + ", '" + value + "', is not a path: "
                    + e.getReason() + ".", e);
        }
    }

    private static IllegalArgumentException usage(String problem) {
        return new IllegalArgumentException(problem + "\n" + USAGE);
    }
}

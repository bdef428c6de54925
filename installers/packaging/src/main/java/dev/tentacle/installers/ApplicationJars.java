package dev.tentacle.installers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The jars a package ships: the product's runtime class path, less the native-library jars built for other operating
 * systems and processors (Netty's tcnative comes in five, JavaFX in one per OS), main jar first.
 *
 * @param mainJar the jar holding the command line's main class
 * @param jars every jar, main jar first, then by file name: the class path, in this order
 */
public record ApplicationJars(Path mainJar, List<Path> jars) {
    /** A classifier naming an OS and, optionally, a processor: -linux-x86_64, -osx-aarch_64, -win, -mac-aarch64. */
    private static final Pattern PLATFORM = Pattern.compile(
            "-(linux|osx|mac|windows|win)(?:-(x86_64|x64|amd64|aarch_64|aarch64|arm64))?\\.jar");
    /** Names the launchers can put in a class path without quoting. */
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9._+-]+\\.jar");

    public ApplicationJars {
        Objects.requireNonNull(mainJar, "mainJar");
        jars = List.copyOf(jars);
    }

    /** An operating system and processor, as the classifiers of native-library jars name them. */
    public record Platform(String os, String arch) {
        /** The platform this JVM runs on. */
        public static Platform current() {
            String name = System.getProperty("os.name").toLowerCase(Locale.ROOT);
            String os = name.startsWith("windows") ? "windows" : name.startsWith("mac") ? "mac" : "linux";
            String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
            return new Platform(os, arch.equals("aarch64") || arch.equals("arm64") ? "aarch64" : "x86_64");
        }

        /** True when a jar's file name names no platform, or this one. */
        boolean accepts(String fileName) {
            Matcher matcher = PLATFORM.matcher(fileName);
            if (!matcher.find() || matcher.end() != fileName.length()) {
                return true;
            }
            String jarOs = switch (matcher.group(1)) {
                case "osx", "mac" -> "mac";
                case "windows", "win" -> "windows";
                default -> "linux";
            };
            // JavaFX's jars name only the OS for x86_64 (javafx-base-25-linux.jar) and add -aarch64 for ARM.
            String jarArch = matcher.group(2) == null ? "x86_64" : switch (matcher.group(2)) {
                case "aarch_64", "aarch64", "arm64" -> "aarch64";
                default -> "x86_64";
            };
            return jarOs.equals(os) && jarArch.equals(arch);
        }
    }

    /**
     * The jars in a directory for the given platform.
     *
     * @param directory the product's runtime jars (Maven's copy-dependencies)
     * @param mainJarPrefix the start of the main jar's file name, such as {@code tentacle-agent}
     * @throws PackagingException when the directory is missing or empty, a jar's name needs quoting, or not exactly
     *     one jar starts with the prefix
     */
    public static ApplicationJars in(Path directory, String mainJarPrefix, Platform platform) {
        List<Path> all;
        try (Stream<Path> files = Files.list(directory)) {
            all = files.filter(path -> path.getFileName().toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            throw new PackagingException("Cannot list the product's jars in " + directory + ": " + e.getMessage()
                    + ". Build through Maven, whose copy-dependencies step fills it.", e);
        }
        if (all.isEmpty()) {
            throw new PackagingException("There are no jars in " + directory + ". Build through Maven, whose"
                    + " copy-dependencies step fills it from the product module's runtime dependencies.");
        }
        var unsafe = all.stream().map(p -> p.getFileName().toString()).filter(n -> !SAFE_NAME.matcher(n).matches())
                .toList();
        if (!unsafe.isEmpty()) {
            throw new PackagingException("These jars have names the launchers cannot put in a class path: " + unsafe
                    + ". Only letters, digits, '.', '_', '+' and '-' are allowed.");
        }
        String prefix = mainJarPrefix + "-";
        var mains = all.stream().filter(p -> p.getFileName().toString().startsWith(prefix)).toList();
        if (mains.size() != 1) {
            throw new PackagingException((mains.isEmpty() ? "No jar" : mains.size() + " jars") + " in " + directory
                    + " start with '" + prefix + "' (cli.main-jar), and there must be exactly one: "
                    + (mains.isEmpty() ? "check cli.main-jar and the module's dependencies." : mains));
        }
        var jars = new ArrayList<Path>();
        jars.add(mains.getFirst());
        all.stream().filter(p -> !p.equals(mains.getFirst()))
                .filter(p -> platform.accepts(p.getFileName().toString())).forEach(jars::add);
        return new ApplicationJars(mains.getFirst(), jars);
    }

    /** The jars' file names, in class path order. */
    public List<String> fileNames() {
        return jars.stream().map(p -> p.getFileName().toString()).toList();
    }
}

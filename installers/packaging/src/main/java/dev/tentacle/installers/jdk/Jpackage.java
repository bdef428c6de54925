package dev.tentacle.installers.jdk;

import dev.tentacle.installers.ApplicationJars;
import dev.tentacle.installers.PackagingException;
import dev.tentacle.installers.Product;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * jpackage's part: the application image (the jars in {@code lib/app}, a runtime jlinked with the modules jdeps
 * found, and native launchers), and on Windows and macOS the installer built from the jars.
 *
 * <p>The runtime is jlinked with {@code --strip-debug --no-man-pages --no-header-files --generate-cds-archive}
 * instead of jpackage's default, which adds {@code --strip-native-commands}: the packages need {@code bin/java} (the
 * Linux launchers start it) and the runtime's CDS archive (the AOT cache is recorded on top of it).
 */
public final class Jpackage {
    /** The jlink options: jpackage's defaults less --strip-native-commands, plus the CDS archive. */
    public static final String JLINK_OPTIONS = "--strip-debug --no-man-pages --no-header-files --generate-cds-archive";

    /**
     * A launcher: jpackage's main one ({@code --main-class}, {@code --java-options}) or an added one.
     *
     * @param name its file name
     * @param mainClass the class it starts
     * @param javaOptions its JVM options, space-separated
     */
    public record Launcher(String name, String mainClass, String javaOptions) {
    }

    private final Product product;
    private final ApplicationJars jars;
    private final List<String> modules;
    private final String appVersion;

    /**
     * @param product what to package
     * @param jars the jars, which {@link #stageInput} copies into jpackage's input directory
     * @param modules the runtime's JDK modules
     * @param appVersion the version jpackage writes into the application image (numbers only); the installers
     *     give theirs
     */
    public Jpackage(Product product, ApplicationJars jars, List<String> modules, String appVersion) {
        this.product = Objects.requireNonNull(product, "product");
        this.jars = Objects.requireNonNull(jars, "jars");
        this.modules = List.copyOf(modules);
        this.appVersion = Objects.requireNonNull(appVersion, "appVersion");
    }

    public Product product() {
        return product;
    }

    /**
     * Copies the jars into an empty directory: jpackage ships everything in its input directory.
     *
     * @return the directory
     */
    public Path stageInput(Path directory) {
        try {
            Files.createDirectories(directory);
            for (Path jar : jars.jars()) {
                Files.copy(jar, directory.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.COPY_ATTRIBUTES);
            }
        } catch (IOException e) {
            throw new PackagingException("Cannot copy the jars into " + directory + ": " + e.getMessage(), e);
        }
        return directory;
    }

    /** The command line as jpackage's main launcher (Linux image, Windows). */
    public Launcher cliLauncher(String extraJavaOptions) {
        return new Launcher(product.cli().name(), product.cli().mainClass(), javaOptions(product.cli().logLevel(),
                extraJavaOptions));
    }

    /** The desktop app as a launcher. */
    public Launcher guiLauncher(String extraJavaOptions) {
        return new Launcher(product.gui().name(), product.gui().mainClass(), javaOptions(product.gui().logLevel(),
                extraJavaOptions));
    }

    /**
     * JVM warnings on standard error, so that standard output is the command's; native access for Netty and JavaFX;
     * the library log level.
     */
    private static String javaOptions(String logLevel, String extra) {
        return ("--enable-native-access=ALL-UNNAMED -Xlog:disable -Xlog:all=warning:stderr"
                + " -Dorg.slf4j.simpleLogger.defaultLogLevel=" + logLevel + " " + extra).strip();
    }

    /**
     * Builds the application image {@code destination/NAME}, the command line as its main launcher and the desktop
     * app added.
     *
     * @param input the directory {@link #stageInput} filled
     * @param destination an empty or missing directory
     * @param work where the added launcher's properties are written
     * @return the image's root directory
     */
    public Path appImage(Path input, Path destination, Path work) {
        Path guiProperties = launcherProperties(work.resolve(product.gui().name() + ".properties"), guiLauncher(""),
                Map.of());
        var arguments = new ArrayList<>(List.of("--type", "app-image", "--dest", destination.toString(),
                "--app-version", appVersion));
        arguments.addAll(applicationOptions(input, product.name(), cliLauncher(""), product.gui().name(),
                guiProperties));
        JdkTool.named("jpackage").runOrFail(arguments, "building the " + product.title() + " application image");
        Path image = destination.resolve(product.name());
        if (!Files.isDirectory(image)) {
            throw new PackagingException("jpackage reported success but did not create " + image + ".");
        }
        return image;
    }

    /**
     * Builds an installer ({@code msi}, {@code pkg}, {@code dmg}) with jpackage from the jars.
     *
     * @param type jpackage's {@code --type}
     * @param input the directory {@link #stageInput} filled
     * @param destination where the installer goes
     * @param appName the application's name (the .app bundle's on macOS)
     * @param main the main launcher
     * @param added the other launcher, whose properties file is {@code addedProperties}
     * @param addedProperties see {@link #launcherProperties}
     * @param platformOptions the installer's options: {@code --app-version} in the OS's form, shortcuts, upgrade
     *     code, resource directory, icons
     */
    public void installer(String type, Path input, Path destination, String appName, Launcher main, Launcher added,
            Path addedProperties, List<String> platformOptions) {
        var arguments = new ArrayList<>(List.of("--type", type, "--dest", destination.toString()));
        arguments.addAll(applicationOptions(input, appName, main, added.name(), addedProperties));
        arguments.addAll(platformOptions);
        JdkTool.named("jpackage").runOrFail(arguments, "building the " + product.title() + " ." + type);
    }

    /** The options every image and installer shares: names, jars, main launcher, runtime, added launcher. */
    List<String> applicationOptions(Path input, String appName, Launcher main, String addedName, Path addedProperties) {
        return List.of("--name", appName,
                "--vendor", product.vendor(),
                "--description", product.summary(),
                "--input", input.toString(),
                "--main-jar", jars.mainJar().getFileName().toString(),
                "--main-class", main.mainClass(),
                "--java-options", main.javaOptions(),
                "--add-modules", String.join(",", modules),
                "--jlink-options", JLINK_OPTIONS,
                "--add-launcher", addedName + "=" + addedProperties);
    }

    /**
     * Writes an {@code --add-launcher} properties file.
     *
     * @param file where to write it
     * @param launcher the launcher
     * @param platformProperties what this OS adds (icon, shortcut, menu, console settings)
     * @return the file
     */
    public Path launcherProperties(Path file, Launcher launcher, Map<String, String> platformProperties) {
        var properties = new LinkedHashMap<String, String>();
        properties.put("main-class", launcher.mainClass());
        properties.put("java-options", launcher.javaOptions());
        properties.putAll(platformProperties);
        var text = new StringBuilder("# The " + launcher.name() + " launcher, for jpackage --add-launcher.\n");
        // Properties syntax: a backslash (a Windows path) must be doubled.
        properties.forEach((key, value) -> text.append(key).append('=').append(value.replace("\\", "\\\\"))
                .append('\n'));
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new PackagingException("Cannot write " + file + ": " + e.getMessage(), e);
        }
        return file;
    }
}

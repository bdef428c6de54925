package dev.tentacle.installers;

import dev.tentacle.icons.ProductIcon;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * One product's package, as its {@code src/main/packaging/product.properties} describes it: names, the command line
 * and desktop app it ships, and the settings its scripts need. {@link #load} checks every value, so a mistake in the
 * file fails the build with the key and what is expected.
 *
 * @param name the package name, install directory ({@code /opt/NAME}) and app image name, such as {@code tentacle}
 * @param title the product's name for people, such as {@code Tentacle}
 * @param vendor who ships it
 * @param maintainer the Debian {@code Maintainer:} field, {@code Name <address>}
 * @param summary one line: the Debian synopsis, RPM {@code Summary:} and installer descriptions
 * @param description a paragraph for the package's long description
 * @param icon the product's icon, for the installers
 * @param registryKind the directory of this product's instances in the registry ({@code /etc/octopus/KIND}), which
 *     a purge removes
 * @param serviceUnitPrefix the systemd units of this product's instances are {@code PREFIX<NAME>.service}
 * @param cli the command line
 * @param gui the desktop app
 * @param configureScript the file name of the interactive set-up script, beside this file
 * @param extraModules JDK modules the runtime needs that jdeps cannot see (service providers, diagnostics)
 * @param windowsUpgradeUuid the MSI upgrade code, the same for every version so that a new one replaces the old
 * @param macBundleId the macOS bundle identifier
 * @param directory the directory holding the properties file and the files it names
 */
public record Product(String name, String title, String vendor, String maintainer, String summary, String description,
        ProductIcon icon, String registryKind, String serviceUnitPrefix, Cli cli, Gui gui, String configureScript,
        List<String> extraModules, String windowsUpgradeUuid, String macBundleId, Path directory) {
    private static final Pattern PACKAGE_NAME = Pattern.compile("[a-z0-9][a-z0-9+.-]+");
    private static final Pattern COMMAND_NAME = Pattern.compile("[a-z][a-z0-9-]*");
    private static final Pattern CLASS_NAME = Pattern.compile("([a-zA-Z_$][a-zA-Z0-9_$]*\\.)+[A-Z][a-zA-Z0-9_$]*");
    private static final Pattern VARIABLE = Pattern.compile("[A-Z][A-Z0-9_]*");
    private static final Pattern MODULE = Pattern.compile("[a-z][a-z0-9]*(\\.[a-z][a-z0-9]*)*");
    private static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}");
    private static final Pattern BUNDLE_ID = Pattern.compile("[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+");
    private static final Pattern MAINTAINER = Pattern.compile("[^<>]+ <[^<>@\\s]+@[^<>\\s]+>");
    private static final Pattern SCRIPT_NAME = Pattern.compile("[a-z][a-z0-9-]*\\.sh");
    private static final Set<String> LOG_LEVELS = Set.of("off", "error", "warn", "info", "debug", "trace");

    /**
     * The command line: a shell launcher on Linux, a console launcher on Windows and macOS.
     *
     * @param name the command, on the {@code PATH} after installing: {@code tentacle}
     * @param mainClass its main class
     * @param mainJar the file-name prefix of the jar holding the main class (jpackage's {@code --main-jar})
     * @param launcherVariable the environment variable through which the program learns its own launcher's path, for
     *     the service definitions it writes: {@code TENTACLE_LAUNCHER}
     * @param javaOptionsVariable an environment variable whose JVM options the launcher adds last
     * @param logLevel the library log level for every command but {@code run}
     * @param runLogLevel the log level of {@code run}
     * @param debugLogLevel the log level when {@code TENTACLE_DEBUG=1}; empty to leave it as it is
     * @param trainingArguments the command whose run records the AOT cache at package time: {@code help}
     */
    public record Cli(String name, String mainClass, String mainJar, String launcherVariable, String javaOptionsVariable,
            String logLevel, String runLogLevel, String debugLogLevel, List<String> trainingArguments) {
        public Cli {
            trainingArguments = List.copyOf(trainingArguments);
        }
    }

    /**
     * The desktop app: a launcher, a desktop entry and icons.
     *
     * @param name the launcher's file name and the desktop entry's: {@code tentacle-manager}
     * @param title the name on the menu: {@code Tentacle Manager}
     * @param mainClass its main class
     * @param comment the desktop entry's tooltip
     * @param icon its icon
     * @param categories the desktop entry's categories, {@code ;}-terminated
     * @param windowClass the X11 window class of its windows (JavaFX names them after the Application subclass),
     *     which ties them to the desktop entry in docks and task bars
     * @param logLevel the library log level
     */
    public record Gui(String name, String title, String mainClass, String comment, ProductIcon icon, String categories,
            String windowClass, String logLevel) {
    }

    public Product {
        Objects.requireNonNull(cli, "cli");
        Objects.requireNonNull(gui, "gui");
        extraModules = List.copyOf(extraModules);
    }

    /** Where the package installs: {@code /opt/NAME}. */
    public String installDirectory() {
        return "/opt/" + name;
    }

    /** The configure script's source file. */
    public Path configureScriptFile() {
        return directory.resolve(configureScript);
    }

    /**
     * Reads and checks a product file.
     *
     * @throws PackagingException naming the file, the key and what it must hold
     */
    public static Product load(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (NoSuchFileException e) {
            throw new PackagingException("The product file " + file + " does not exist. Each product module has"
                    + " src/main/packaging/product.properties; check the --product path.", e);
        } catch (IOException | IllegalArgumentException e) {
            throw new PackagingException("Cannot read the product file " + file + ": " + e.getMessage(), e);
        }
        return new Reading(file, properties).product();
    }

    /** Reads the keys one by one, collecting every problem so that one build names them all. */
    private static final class Reading {
        private final Path file;
        private final Properties properties;
        private final List<String> problems = new ArrayList<>();
        private final Set<String> used = new TreeSet<>();

        Reading(Path file, Properties properties) {
            this.file = file;
            this.properties = properties;
        }

        Product product() {
            var cli = new Cli(matching("cli.name", COMMAND_NAME, "a command name in lower case, such as tentacle"),
                    matching("cli.main-class", CLASS_NAME, "a fully qualified class name"),
                    matching("cli.main-jar", Pattern.compile("[A-Za-z0-9._-]+"), "the start of a jar's file name"),
                    matching("cli.launcher-variable", VARIABLE, "an environment variable name in capitals"),
                    matching("cli.java-options-variable", VARIABLE, "an environment variable name in capitals"),
                    logLevel("cli.log-level", false), logLevel("cli.run-log-level", false),
                    logLevel("cli.debug-log-level", true), words("cli.aot-training"));
            var gui = new Gui(matching("gui.name", COMMAND_NAME, "a command name in lower case"), text("gui.title"),
                    matching("gui.main-class", CLASS_NAME, "a fully qualified class name"), text("gui.comment"),
                    icon("gui.icon"), matching("gui.categories", Pattern.compile("([A-Za-z0-9-]+;)+"),
                            "freedesktop.org categories, each followed by ';', such as System;Settings;"),
                    matching("gui.window-class", CLASS_NAME, "the fully qualified name of the app's Application"
                            + " class"),
                    logLevel("gui.log-level", false));
            var product = new Product(matching("name", PACKAGE_NAME,
                    "a Debian package name: lower-case letters, digits, '+', '-' and '.'"),
                    text("title"), text("vendor"), matching("maintainer", MAINTAINER, "Name <address@example.com>"),
                    text("summary"), text("description"), icon("icon"),
                    matching("registry.kind", Pattern.compile("[A-Za-z]+"), "the registry directory name, such as"
                            + " Tentacle"),
                    matching("service.unit-prefix", Pattern.compile("[a-z][a-z0-9-]*-"), "the start of the systemd"
                            + " unit names, ending in '-', such as tentacle-"),
                    cli, gui, script("configure.script"), modules("runtime.extra-modules"),
                    matching("windows.upgrade-uuid", UUID, "a UUID, such as 6b1e3c1e-8f2a-4e55-9d3b-0c8e7a9f1d2e"),
                    matching("macos.bundle-id", BUNDLE_ID, "a reverse-DNS identifier, such as dev.tentacle.tentacle"),
                    file.toAbsolutePath().getParent());
            for (String key : properties.stringPropertyNames()) {
                if (!used.contains(key)) {
                    problems.add(key + " is not a key this tool knows; check its spelling");
                }
            }
            if (cli.trainingArguments().isEmpty()) {
                problems.add("cli.aot-training must name the command whose run records the AOT cache, such as help");
            }
            if (!problems.isEmpty()) {
                throw new PackagingException("The product file " + file + " has " + problems.size() + " problem"
                        + (problems.size() == 1 ? "" : "s") + ":\n  - " + String.join("\n  - ", problems));
            }
            return product;
        }

        private String text(String key) {
            used.add(key);
            String value = properties.getProperty(key);
            if (value == null || value.isBlank()) {
                problems.add(key + " is missing or empty");
                return "";
            }
            return value.strip();
        }

        private String matching(String key, Pattern pattern, String expected) {
            String value = text(key);
            if (!value.isEmpty() && !pattern.matcher(value).matches()) {
                problems.add(key + " is '" + value + "'; it must be " + expected);
            }
            return value;
        }

        private String logLevel(String key, boolean mayBeEmpty) {
            used.add(key);
            String value = properties.getProperty(key, "").strip().toLowerCase(Locale.ROOT);
            if (value.isEmpty() && mayBeEmpty) {
                return "";
            }
            if (!LOG_LEVELS.contains(value)) {
                problems.add(key + " is '" + value + "'; it must be one of " + new TreeSet<>(LOG_LEVELS)
                        + (mayBeEmpty ? " or empty" : ""));
            }
            return value;
        }

        private List<String> words(String key) {
            String value = text(key);
            return value.isEmpty() ? List.of() : Arrays.asList(value.split("\\s+"));
        }

        private List<String> modules(String key) {
            used.add(key);
            String value = properties.getProperty(key, "").strip();
            List<String> modules = new ArrayList<>();
            for (String module : value.isEmpty() ? new String[0] : value.split("\\s*,\\s*")) {
                if (!MODULE.matcher(module).matches()) {
                    problems.add(key + " has '" + module + "', which is not a module name such as jdk.charsets");
                }
                modules.add(module);
            }
            return modules;
        }

        private String script(String key) {
            String value = matching(key, SCRIPT_NAME, "a script's file name, such as configure-tentacle.sh");
            Path script = file.toAbsolutePath().getParent().resolve(value);
            if (!value.isEmpty() && !Files.isRegularFile(script)) {
                problems.add(key + " names " + script + ", which does not exist");
            }
            return value;
        }

        private ProductIcon icon(String key) {
            String value = text(key);
            return Arrays.stream(ProductIcon.values()).filter(icon -> icon.fileName().equals(value)).findFirst()
                    .orElseGet(() -> {
                        if (!value.isEmpty()) {
                            problems.add(key + " is '" + value + "'; it must be one of the icons "
                                    + Arrays.stream(ProductIcon.values()).map(ProductIcon::fileName).toList());
                        }
                        return ProductIcon.TENTACLE;
                    });
        }
    }
}

package dev.tentacle.installers.linux;

import dev.tentacle.icons.ProductIcon;
import dev.tentacle.installers.ApplicationJars;
import dev.tentacle.installers.PackagingException;
import dev.tentacle.installers.Product;
import dev.tentacle.installers.Template;
import dev.tentacle.installers.TreeFiles;
import dev.tentacle.installers.jdk.Jpackage;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The files a Linux package installs, laid out under a staging root exactly as they land on the machine:
 *
 * <pre>
 * /opt/NAME/bin/NAME                  the command line's launcher (a shell script; see cli-launcher.sh)
 * /opt/NAME/bin/GUI                   the desktop app's launcher
 * /opt/NAME/bin/configure-NAME.sh     the interactive set-up script
 * /opt/NAME/lib/app/*.jar             the class path
 * /opt/NAME/lib/app/NAME.aot          the AOT cache, recorded by {@link AotCache}
 * /opt/NAME/lib/runtime/              the jlinked Java runtime, with bin/java and its CDS archive
 * /usr/bin/NAME, /usr/bin/GUI         links to the launchers
 * /usr/share/applications/GUI.desktop the desktop entry
 * /usr/share/icons/hicolor/.../GUI.*  its icons, 16 to 512 px and scalable
 * /usr/share/doc/NAME/copyright
 * </pre>
 *
 * <p>jpackage builds the application image ({@code lib/app} and {@code lib/runtime}); its native launchers, their
 * {@code .cfg} files and library are replaced by the shell launchers (see decision 0012).
 *
 * @param root the staging root
 * @param product the product
 * @param appDirectory {@code ROOT/opt/NAME}
 */
public record LinuxTree(Path root, Product product, Path appDirectory) {
    public LinuxTree {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(appDirectory, "appDirectory");
    }

    /** The command line's launcher in the tree. */
    public Path cliLauncher() {
        return appDirectory.resolve("bin").resolve(product.cli().name());
    }

    /** The desktop app's launcher in the tree. */
    public Path guiLauncher() {
        return appDirectory.resolve("bin").resolve(product.gui().name());
    }

    /** The Java runtime's {@code java} in the tree. */
    public Path java() {
        return appDirectory.resolve("lib/runtime/bin/java");
    }

    /** The AOT cache's place in the tree. */
    public Path aotCache() {
        return appDirectory.resolve("lib/app").resolve(product.cli().name() + ".aot");
    }

    /**
     * Builds the tree under {@code root}, which must not exist yet.
     *
     * @param jpackage the product's jpackage settings
     * @param input the jars, as {@link Jpackage#stageInput} laid them out
     * @param work a directory for jpackage's launcher properties
     */
    public static LinuxTree build(Path root, Product product, Jpackage jpackage, ApplicationJars jars, Path input,
            Path work) {
        Path image = jpackage.appImage(input, root.resolve("opt"), work);
        var tree = new LinuxTree(root, product, image);
        tree.removeNativeLaunchers();
        Map<String, String> values = values(product);
        values.put("CLASSPATH", String.join(":", jars.fileNames().stream().map(name -> "$app/" + name).toList()));
        TreeFiles.write(tree.cliLauncher(), Template.resource("linux/cli-launcher.sh").render(values),
                TreeFiles.EXECUTABLE);
        TreeFiles.write(tree.guiLauncher(), Template.resource("linux/gui-launcher.sh").render(values),
                TreeFiles.EXECUTABLE);
        tree.copyConfigureScript(values);
        TreeFiles.symlink(root.resolve("usr/bin").resolve(product.cli().name()), tree.cliLauncher());
        TreeFiles.symlink(root.resolve("usr/bin").resolve(product.gui().name()), tree.guiLauncher());
        TreeFiles.write(root.resolve("usr/share/applications").resolve(product.gui().name() + ".desktop"),
                Template.resource("linux/desktop-entry").render(values), TreeFiles.READABLE);
        tree.copyIcons();
        TreeFiles.write(root.resolve("usr/share/doc").resolve(product.name()).resolve("copyright"),
                Template.resource("linux/copyright").render(values), TreeFiles.READABLE);
        return tree;
    }

    /** The values the Linux templates use, but the class path. */
    static Map<String, String> values(Product product) {
        var values = new HashMap<String, String>();
        values.put("PACKAGE", product.name());
        values.put("TITLE", product.title());
        values.put("VENDOR", product.vendor());
        values.put("INSTALL_DIR", product.installDirectory());
        values.put("CLI_NAME", product.cli().name());
        values.put("MAIN_CLASS", product.cli().mainClass());
        values.put("LAUNCHER_VARIABLE", product.cli().launcherVariable());
        values.put("JAVA_OPTIONS_VARIABLE", product.cli().javaOptionsVariable());
        values.put("LOG_LEVEL", product.cli().logLevel());
        values.put("RUN_LOG_LEVEL", product.cli().runLogLevel());
        values.put("DEBUG_LOG_LEVEL", product.cli().debugLogLevel().isEmpty()
                ? "# TENTACLE_DEBUG=1 adds stack traces to errors; the log level stays."
                : "# TENTACLE_DEBUG=1 adds stack traces to errors and the libraries' own logging.\n"
                        + "if [ \"${TENTACLE_DEBUG:-}\" = 1 ]; then log_level=" + product.cli().debugLogLevel() + "; fi");
        values.put("AOT_TRAINING", String.join(" ", product.cli().trainingArguments()));
        values.put("GUI_NAME", product.gui().name());
        values.put("GUI_TITLE", product.gui().title());
        values.put("GUI_MAIN_CLASS", product.gui().mainClass());
        values.put("GUI_COMMENT", product.gui().comment());
        values.put("GUI_CATEGORIES", product.gui().categories());
        values.put("GUI_WINDOW_CLASS", product.gui().windowClass());
        values.put("GUI_LOG_LEVEL", product.gui().logLevel());
        values.put("UNIT_PREFIX", product.serviceUnitPrefix());
        values.put("REGISTRY_KIND", product.registryKind());
        values.put("CONFIGURE_SCRIPT", product.configureScript());
        return values;
    }

    /** jpackage's native launchers, their configuration and library, and its default icons: unused here. */
    private void removeNativeLaunchers() {
        try {
            try (DirectoryStream<Path> launchers = Files.newDirectoryStream(appDirectory.resolve("bin"))) {
                for (Path launcher : launchers) {
                    Files.delete(launcher);
                }
            }
            Path lib = appDirectory.resolve("lib");
            Files.deleteIfExists(lib.resolve("libapplauncher.so"));
            Files.deleteIfExists(lib.resolve("app/.jpackage.xml"));
            try (DirectoryStream<Path> files = Files.newDirectoryStream(lib, "*.png")) {
                for (Path file : files) {
                    Files.delete(file);
                }
            }
            try (DirectoryStream<Path> files = Files.newDirectoryStream(lib.resolve("app"), "*.cfg")) {
                for (Path file : files) {
                    Files.delete(file);
                }
            }
        } catch (IOException e) {
            throw new PackagingException("Cannot remove jpackage's native launchers from " + appDirectory + ": "
                    + e.getMessage(), e);
        }
    }

    /** The product's configure script, with the functions both products' scripts share put in. */
    private void copyConfigureScript(Map<String, String> values) {
        try {
            var withFunctions = new HashMap<>(values);
            withFunctions.put("CONFIGURE_FUNCTIONS", Template.resource("linux/configure-functions.sh").render(values));
            String script = Template.of(product.configureScriptFile().toString(),
                    Files.readString(product.configureScriptFile())).render(withFunctions);
            TreeFiles.write(appDirectory.resolve("bin").resolve(product.configureScript()), script,
                    TreeFiles.EXECUTABLE);
        } catch (IOException e) {
            throw new PackagingException("Cannot read " + product.configureScriptFile() + ": " + e.getMessage(), e);
        }
    }

    /** The desktop app's icon in every size of the hicolor theme, and scalable. */
    private void copyIcons() {
        ProductIcon icon = product.gui().icon();
        Path hicolor = root.resolve("usr/share/icons/hicolor");
        String fileName = product.gui().name();
        for (int size : ProductIcon.PNG_SIZES) {
            TreeFiles.copyResource(icon.pngResource(size),
                    hicolor.resolve(size + "x" + size).resolve("apps").resolve(fileName + ".png"));
        }
        TreeFiles.copyResource(icon.svgResource(), hicolor.resolve("scalable/apps").resolve(fileName + ".svg"));
    }
}

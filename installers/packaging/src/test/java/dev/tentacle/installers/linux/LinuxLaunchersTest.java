package dev.tentacle.installers.linux;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tentacle.installers.Processes;
import dev.tentacle.installers.Product;
import dev.tentacle.installers.Template;
import dev.tentacle.installers.TreeFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher scripts, rendered for the real products and run against a stand-in {@code java} that prints the
 * arguments it gets: what each command line starts, without building a package.
 */
class LinuxLaunchersTest {
    private static final Product TENTACLE = Product.load(Path.of("../tentacle/src/main/packaging/product.properties"));
    private static final Product SERVER = Product.load(Path.of("../octopus-server/src/main/packaging/product.properties"));

    @TempDir
    Path root;
    Path app;

    @BeforeEach
    void standInRuntime() {
        app = root.resolve("opt/app");
        // One argument per line, then the variables the launcher exports.
        TreeFiles.write(app.resolve("lib/runtime/bin/java"), """
                #!/bin/sh
                for argument in "$@"; do printf 'arg:%s\\n' "$argument"; done
                printf 'TENTACLE_LAUNCHER=%s\\n' "${TENTACLE_LAUNCHER:-}"
                printf 'OCTOPUS_SERVER_LAUNCHER=%s\\n' "${OCTOPUS_SERVER_LAUNCHER:-}"
                """, TreeFiles.EXECUTABLE);
    }

    private Path render(Product product, String template, String name) {
        Map<String, String> values = new HashMap<>(LinuxTree.values(product));
        values.put("CLASSPATH", "$app/main.jar:$app/lib.jar");
        return TreeFiles.write(app.resolve("bin").resolve(name), Template.resource("linux/" + template).render(values),
                TreeFiles.EXECUTABLE);
    }

    private List<String> run(Path launcher, Map<String, String> environment, String... arguments) {
        var command = new ArrayList<>(List.of(launcher.toString()));
        command.addAll(List.of(arguments));
        var variables = new HashMap<String, String>(environment);
        variables.putIfAbsent("TENTACLE_JAVA_OPTS", null);
        variables.putIfAbsent("OCTOPUS_SERVER_JAVA_OPTS", null);
        variables.putIfAbsent("TENTACLE_DEBUG", null);
        variables.putIfAbsent(AotCache.OUTPUT_VARIABLE, null);
        Processes.Result result = Processes.run(command, root, variables, Duration.ofSeconds(30));
        assertThat(result.exitCode()).as(result.output()).isZero();
        return result.stdout().lines().toList();
    }

    @Test
    void aShortCommandGetsTheAotCacheTheQuickJitAndTheClassPath() throws IOException {
        Path launcher = render(TENTACLE, "cli-launcher.sh", "tentacle");
        TreeFiles.write(app.resolve("lib/app/tentacle.aot"), "cache", TreeFiles.READABLE);

        List<String> lines = run(launcher, Map.of(), "version", "--format", "json");

        assertThat(lines).containsSequence("arg:-XX:AOTCache=" + app + "/lib/app/tentacle.aot", "arg:-Xlog:disable",
                "arg:-Xlog:all=warning:stderr", "arg:-XX:TieredStopAtLevel=1", "arg:-XX:+UseSerialGC",
                "arg:-XX:-UsePerfData", "arg:--enable-native-access=ALL-UNNAMED",
                "arg:-Dorg.slf4j.simpleLogger.defaultLogLevel=info", "arg:-cp",
                "arg:" + app + "/lib/app/main.jar:" + app + "/lib/app/lib.jar",
                "arg:dev.tentacle.tentacle.cli.TentacleCli", "arg:version", "arg:--format", "arg:json");
        assertThat(lines).contains("TENTACLE_LAUNCHER=" + app + "/bin/tentacle");
    }

    @Test
    void runGetsTheFullJitAndTheDefaultCollector() throws IOException {
        Path launcher = render(TENTACLE, "cli-launcher.sh", "tentacle");
        TreeFiles.write(app.resolve("lib/app/tentacle.aot"), "cache", TreeFiles.READABLE);

        List<String> lines = run(launcher, Map.of(), "RUN", "--instance", "Web 01");

        assertThat(lines).doesNotContain("arg:-XX:TieredStopAtLevel=1", "arg:-XX:+UseSerialGC")
                .contains("arg:-XX:AOTCache=" + app + "/lib/app/tentacle.aot")
                .endsWith("arg:RUN", "arg:--instance", "arg:Web 01", "TENTACLE_LAUNCHER=" + app + "/bin/tentacle",
                        "OCTOPUS_SERVER_LAUNCHER=");
    }

    @Test
    void withoutACacheNoCacheOptionAndWhenTrainingTheOutputOption() {
        Path launcher = render(TENTACLE, "cli-launcher.sh", "tentacle");

        assertThat(run(launcher, Map.of(), "help")).noneMatch(line -> line.contains("AOTCache"));
        assertThat(run(launcher, Map.of(AotCache.OUTPUT_VARIABLE, "/tmp/x.aot"), "help"))
                .contains("arg:-XX:AOTCacheOutput=/tmp/x.aot").noneMatch(line -> line.startsWith("arg:-XX:AOTCache="));
    }

    @Test
    void theOptionsVariableComesLastAndIsSplitIntoWords() {
        Path launcher = render(TENTACLE, "cli-launcher.sh", "tentacle");

        List<String> lines = run(launcher, Map.of("TENTACLE_JAVA_OPTS", "-Xlog:aot -Dx=*"), "help");

        assertThat(lines).containsSequence("arg:-Xlog:aot", "arg:-Dx=*", "arg:-cp");
    }

    @Test
    void theServersLogLevelIsOffButForRunAndDebug() {
        Path launcher = render(SERVER, "cli-launcher.sh", "octopus-server");

        assertThat(run(launcher, Map.of(), "machine", "list"))
                .contains("arg:-Dorg.slf4j.simpleLogger.defaultLogLevel=off", "arg:dev.tentacle.server.cli.OctopusServerCli",
                        "OCTOPUS_SERVER_LAUNCHER=" + app + "/bin/octopus-server");
        assertThat(run(launcher, Map.of(), "run")).contains("arg:-Dorg.slf4j.simpleLogger.defaultLogLevel=info");
        assertThat(run(launcher, Map.of("TENTACLE_DEBUG", "1"), "run"))
                .contains("arg:-Dorg.slf4j.simpleLogger.defaultLogLevel=debug");
    }

    @Test
    void startedThroughALinkItFindsItsOwnDirectory() {
        Path launcher = render(TENTACLE, "cli-launcher.sh", "tentacle");
        TreeFiles.symlink(root.resolve("usr/bin/tentacle"), launcher);

        assertThat(run(root.resolve("usr/bin/tentacle"), Map.of(), "help"))
                .contains("TENTACLE_LAUNCHER=" + app + "/bin/tentacle");
    }

    @Test
    void aMissingRuntimeSaysToReinstall() throws IOException {
        Path launcher = render(TENTACLE, "cli-launcher.sh", "tentacle");
        Files.delete(app.resolve("lib/runtime/bin/java"));

        Processes.Result result = Processes.run(List.of(launcher.toString(), "help"), root, Map.of(),
                Duration.ofSeconds(30));

        assertThat(result.exitCode()).isEqualTo(127);
        assertThat(result.stderr()).contains("runtime", "is missing: reinstall the tentacle package.");
    }

    @Test
    void theDesktopAppPointsItsServicesAtTheCommandLine() {
        Path launcher = render(TENTACLE, "gui-launcher.sh", "tentacle-manager");

        List<String> lines = run(launcher, Map.of("DISPLAY", ":0"));

        assertThat(lines).contains("arg:dev.tentacle.manager.Launcher",
                "arg:-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "TENTACLE_LAUNCHER=" + app + "/bin/tentacle")
                .noneMatch(line -> line.contains("AOTCache"));
    }

    @Test
    void theDesktopAppUsesItsOwnAotCacheWhenThePackageHasOne() {
        Path launcher = render(TENTACLE, "gui-launcher.sh", "tentacle-manager");
        TreeFiles.write(app.resolve("lib/app/tentacle-manager.aot"), "cache", TreeFiles.READABLE);

        assertThat(run(launcher, Map.of("DISPLAY", ":0")))
                .startsWith("arg:-XX:AOTCache=" + app + "/lib/app/tentacle-manager.aot");
        assertThat(run(launcher, Map.of("DISPLAY", ":0", AotCache.OUTPUT_VARIABLE, "/tmp/gui.aot")))
                .startsWith("arg:-XX:AOTCacheOutput=/tmp/gui.aot");
    }

    @Test
    void theDesktopAppWithoutADisplaySaysSo() {
        Path launcher = render(SERVER, "gui-launcher.sh", "octopus-server-manager");
        var environment = new HashMap<String, String>();
        environment.put("DISPLAY", null);
        environment.put("WAYLAND_DISPLAY", null);

        Processes.Result result = Processes.run(List.of(launcher.toString()), root, environment, Duration.ofSeconds(30));

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr()).contains("The Octopus Server Manager needs a graphical desktop",
                "octopus-server help");
    }
}

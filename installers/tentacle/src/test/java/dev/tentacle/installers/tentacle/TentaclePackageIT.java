package dev.tentacle.installers.tentacle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tentacle.installers.Processes;
import dev.tentacle.installers.debian.BuiltPackage;
import dev.tentacle.installers.debian.DebArchive;
import dev.tentacle.installers.debian.DpkgRoot;
import dev.tentacle.installers.linux.VirtualDisplay;
import dev.tentacle.instances.service.ServiceDefinition;
import dev.tentacle.instances.service.ServiceName;
import dev.tentacle.instances.service.SystemdUnitFile;
import dev.tentacle.instances.service.SystemdUnitNames;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Tentacle .deb this build made: its control file and maintainer scripts ({@code dpkg-deb -I}), its contents
 * ({@code dpkg-deb -c}), then installed with dpkg into a throwaway root (as root or not: {@link DpkgRoot}), where the
 * installed {@code tentacle version} and {@code tentacle help} run on the package's runtime and AOT cache, the
 * configure script sets up an instance, and removal and purge clean up what they should and nothing else.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(OrderAnnotation.class)
class TentaclePackageIT {
    private static final String SERVER_THUMBPRINT = "94DA0516BA256EA767A5ED60A1B97DFE12A8A7A8";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Static: made before {@code @BeforeAll}, shared by the ordered tests, deleted after the last. */
    @TempDir
    static Path work;
    DebArchive deb;
    DpkgRoot root;
    Path registry;

    @BeforeAll
    void findThePackage() throws IOException {
        BuiltPackage.notExpected(System.getProperty("installers.types", "none"))
                .ifPresent(reason -> assumeTrue(false, reason));
        deb = DebArchive.of(BuiltPackage.deb(Path.of(System.getProperty("installers.output")), "tentacle"));
        root = DpkgRoot.create(Files.createDirectories(work.resolve("root")));
        registry = root.resolve("/etc/octopus");
    }

    private Processes.Result run(Map<String, String> extraEnvironment, String... command) {
        var environment = new HashMap<String, String>();
        for (String name : List.of("TENTACLE_JAVA_OPTS", "TENTACLE_LAUNCHER", "TENTACLE_DEBUG", "JAVA_TOOL_OPTIONS",
                "JDK_JAVA_OPTIONS", "PACKAGE_BUILD_AOT_CACHE_OUTPUT")) {
            environment.put(name, null);
        }
        // Never the machine's registry, whoever runs the tests.
        environment.put("OCTOPUS_INSTANCES_DIR", registry.toString());
        environment.putAll(extraEnvironment);
        return Processes.run(List.of(command), work, environment, Duration.ofMinutes(2));
    }

    private Processes.Result tentacle(String... arguments) {
        var command = new ArrayList<>(List.of(root.resolve("/usr/bin/tentacle").toString()));
        command.addAll(List.of(arguments));
        // -XX:AOTMode=on: the JVM refuses to start unless it can use the package's AOT cache.
        return run(Map.of("TENTACLE_JAVA_OPTS", "-XX:AOTMode=on"), command.toArray(String[]::new));
    }

    private Processes.Result configure(String... arguments) {
        var command = new ArrayList<>(List.of(root.resolve("/opt/tentacle/bin/configure-tentacle.sh").toString()));
        command.addAll(List.of(arguments));
        return run(Map.of(), command.toArray(String[]::new));
    }

    @Test
    @Order(1)
    void theControlFileNamesThePackageAndNeedsOnlyLibc() {
        Map<String, String> fields = deb.controlFields();

        assertThat(fields).containsEntry("Package", "tentacle")
                .containsEntry("Version", System.getProperty("project.version").replace("-", "~"))
                .containsEntry("Depends", "libc6 (>= 2.17)")
                .containsEntry("Section", "admin")
                .containsKeys("Architecture", "Maintainer", "Installed-Size", "Suggests");
        assertThat(fields.get("Description")).startsWith("Tentacle deployment agent");
    }

    @Test
    @Order(1)
    void theControlArchiveHoldsTheThreeMaintainerScripts() throws IOException {
        assertThat(deb.info()).contains(" postinst ", " prerm ", " postrm ", " control ");
        for (String name : List.of("postinst", "prerm", "postrm")) {
            String script = deb.controlMember(name);
            assertThat(script).startsWith("#!/bin/sh").contains("DPKG_ROOT").doesNotContain("@");
            Path file = Files.writeString(work.resolve(name), script);
            Processes.Result syntax = run(Map.of(), "sh", "-n", file.toString());
            assertThat(syntax.exitCode()).as(name + ": " + syntax.output()).isZero();
        }
        assertThat(deb.controlMember("prerm")).contains("remove_package_services");
        assertThat(deb.controlMember("postrm")).contains("purge_instances");
    }

    @Test
    @Order(1)
    void itHoldsTheLaunchersTheRuntimeTheAotCacheAndTheDesktopEntry() {
        List<DebArchive.Entry> entries = deb.contents();
        Map<String, DebArchive.Entry> byPath = entries.stream()
                .collect(Collectors.toMap(DebArchive.Entry::path, entry -> entry));

        assertThat(byPath).containsKeys("/opt/tentacle/bin/tentacle", "/opt/tentacle/bin/tentacle-manager",
                "/opt/tentacle/bin/configure-tentacle.sh", "/opt/tentacle/lib/app/tentacle.aot",
                "/opt/tentacle/lib/runtime/bin/java", "/opt/tentacle/lib/runtime/lib/server/classes.jsa",
                "/opt/tentacle/lib/runtime/lib/modules", "/usr/share/applications/tentacle-manager.desktop",
                "/usr/share/icons/hicolor/48x48/apps/tentacle-manager.png",
                "/usr/share/icons/hicolor/scalable/apps/tentacle-manager.svg", "/usr/share/doc/tentacle/copyright");
        assertThat(byPath.keySet()).anyMatch(path -> path.matches("/opt/tentacle/lib/app/tentacle-agent-.*\\.jar"))
                .anyMatch(path -> path.matches("/opt/tentacle/lib/app/tentacle-manager-.*\\.jar"));
        assertThat(byPath.get("/usr/bin/tentacle").linkTarget()).contains("../../opt/tentacle/bin/tentacle");
        assertThat(byPath.get("/usr/bin/tentacle-manager").linkTarget())
                .contains("../../opt/tentacle/bin/tentacle-manager");
        for (String program : List.of("bin/tentacle", "bin/tentacle-manager", "bin/configure-tentacle.sh",
                "lib/runtime/bin/java")) {
            assertThat(byPath.get("/opt/tentacle/" + program).isExecutable()).as(program).isTrue();
        }
        assertThat(entries).allSatisfy(entry -> {
            assertThat(entry.owner()).isEqualTo("root/root");
            assertThat(entry.path()).matches("/|/opt(/tentacle(/.*)?)?|/usr(/bin(/tentacle(-manager)?)?)?"
                    + "|/usr/share(/applications(/tentacle-manager\\.desktop)?|/icons(/hicolor(/.*)?)?"
                    + "|/doc(/tentacle(/copyright)?)?)?");
        });
        // Nothing of jpackage's native launchers, and no native jars for other systems.
        assertThat(byPath.keySet()).noneMatch(path -> path.endsWith("libapplauncher.so")
                || path.matches("/opt/tentacle/lib/app/.*\\.cfg") || path.contains("-osx-") || path.contains("-windows-")
                || path.endsWith("/.jpackage.xml"));
    }

    @Test
    @Order(1)
    void theDesktopEntryStartsTheManagerWithItsIcon() throws IOException {
        Path extracted = Files.createDirectories(work.resolve("extracted"));
        deb.extractTo(extracted);

        String entry = Files.readString(extracted.resolve("usr/share/applications/tentacle-manager.desktop"));

        assertThat(entry).contains("[Desktop Entry]", "Type=Application", "Name=Tentacle Manager",
                "Exec=/opt/tentacle/bin/tentacle-manager", "Icon=tentacle-manager", "Terminal=false",
                "StartupWMClass=dev.tentacle.manager.TentacleManagerApp");
    }

    @Test
    @Order(2)
    void installsIntoAThrowawayRootRunningItsScripts() {
        Processes.Result installed = root.install(deb.file());

        assertThat(installed.exitCode()).as(installed.output()).isZero();
        assertThat(installed.stdout()).contains("Setting up tentacle",
                "sudo /opt/tentacle/bin/configure-tentacle.sh");
        assertThat(root.status("tentacle").stdout()).contains("Status: install ok installed");
        assertThat(root.listFiles("tentacle")).contains("/usr/bin/tentacle", "/opt/tentacle/lib/app/tentacle.aot");
        assertThat(root.resolve("/usr/bin/tentacle")).isExecutable();
    }

    @Test
    @Order(3)
    void theInstalledTentacleShowsItsVersionOnThePackagesRuntimeAndCache() throws IOException {
        Processes.Result version = tentacle("version");

        assertThat(version.exitCode()).as(version.output()).isZero();
        assertThat(version.stdout()).startsWith("Tentacle for the JVM " + System.getProperty("project.version"))
                .contains("Java 25");
        // Not even a JVM warning: the AOT cache matched the installed jars.
        assertThat(version.stderr()).isEmpty();

        JsonNode json = JSON.readTree(tentacle("version", "--format", "json").stdout());
        assertThat(json.get("version").asText()).isEqualTo(System.getProperty("project.version"));
    }

    @Test
    @Order(3)
    void theInstalledTentacleListsItsCommands() {
        Processes.Result help = tentacle("help");

        assertThat(help.exitCode()).as(help.output()).isZero();
        assertThat(help.stdout()).contains("Usage: tentacle", "create-instance", "register-with", "service", "run",
                "version");
        assertThat(help.stderr()).isEmpty();
    }

    @Test
    @Order(3)
    void aMistypedCommandIsAnErrorFromTheInstalledTentacle() {
        Processes.Result result = tentacle("show-thumbprnt");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr()).contains("Did you mean show-thumbprint?");
    }

    @Test
    @Order(3)
    void theInstalledManagerOpensItsWindowOnItsAotCache() throws Exception {
        // The build records the manager's cache only where Xvfb is installed, and so can this test show its window.
        assumeTrue(VirtualDisplay.unavailable().isEmpty(), () -> "No virtual display: " + VirtualDisplay.unavailable()
                .orElseThrow());
        assertThat(root.resolve("/opt/tentacle/lib/app/tentacle-manager.aot")).isRegularFile();
        try (VirtualDisplay display = VirtualDisplay.start(work)) {
            var builder = new ProcessBuilder(root.resolve("/usr/bin/tentacle-manager").toString())
                    .redirectErrorStream(true).redirectOutput(work.resolve("manager.log").toFile());
            builder.environment().remove("TENTACLE_LAUNCHER");
            builder.environment().putAll(Map.of("DISPLAY", display.display(), "OCTOPUS_INSTANCES_DIR",
                    registry.toString(), "TENTACLE_JAVA_OPTS", "-XX:AOTMode=on"));
            Process manager = builder.start();
            try {
                boolean shown = display.awaitWindow("dev.tentacle.manager.TentacleManagerApp", manager,
                        Duration.ofSeconds(60), Duration.ofSeconds(10));
                assertThat(shown).as(Files.readString(work.resolve("manager.log"))).isTrue();
            } finally {
                manager.destroy();
                manager.waitFor();
            }
        }
    }

    @Test
    @Order(4)
    void theConfigureScriptSetsUpAListeningTentacle() throws IOException {
        Processes.Result result = configure("--yes", "--no-service", "--instance", "Web01", "--port", "10999",
                "--trust", SERVER_THUMBPRINT);

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.stdout()).contains("These commands set it up:", "create-instance --instance Web01",
                "new-certificate --instance Web01 --if-blank", "configure --instance Web01 --port 10999",
                "The Tentacle instance 'Web01' is set up.", "Start it with: tentacle run --instance Web01");
        assertThat(result.stdout().lines().filter(line -> line.startsWith("==>"))).hasSize(4)
                .noneMatch(step -> step.contains(" service "));
        JsonNode configuration = JSON.readTree(tentacle("show-configuration", "--instance", "Web01", "--format",
                "json").stdout());
        assertThat(configuration.toString()).contains("10999", SERVER_THUMBPRINT);
    }

    @Test
    @Order(4)
    void theConfigureScriptShowsThePollingCommandsWithoutRunningThem() {
        Processes.Result result = configure("--yes", "--dry-run", "--instance", "Db01", "--mode", "polling",
                "--server-comms-address", "octopus.example.com", "--server-thumbprint", SERVER_THUMBPRINT);

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.stdout()).contains("configure --instance Db01 --noListen true",
                "poll-server --instance Db01 --server-comms-address octopus.example.com --server-comms-port 10943"
                        + " --thumbprint " + SERVER_THUMBPRINT, "service --instance Db01 --install",
                "(--dry-run: nothing was run.)");
        assertThat(tentacle("list-instances").stdout()).doesNotContain("Db01");
    }

    @ParameterizedTest(name = "{0}")
    @Order(4)
    @CsvSource(delimiter = '|', value = {
        "--bogus                                  | unknown option '--bogus'",
        "--port 70000 --trust " + SERVER_THUMBPRINT + " | --port 70000: The port must be a number from 1 to 65535.",
        "--mode sideways                          | --mode sideways: Choose one of: listening polling.",
        "--trust 12345                            | --trust 12345: A thumbprint is 40 (SHA-1) or 64 (SHA-256) hex digits",
        "--instance Bad/Name                      | --instance Bad/Name: An instance name has letters",
        "--home relative/dir                      | --home relative/dir: the home directory must be an absolute path",
        "--instance                               | the option --instance needs a value.",
        "''                                       | --trust is required",
        "--mode polling --server-comms-address x --server-thumbprint " + SERVER_THUMBPRINT + " --trust "
                + SERVER_THUMBPRINT + " | --port and --trust are for --mode listening."})
    void theConfigureScriptRefusesBadArgumentsAndChangesNothing(String arguments, String message) {
        var command = new ArrayList<>(List.of("--yes", "--no-service"));
        if (!arguments.isBlank()) {
            command.addAll(List.of(arguments.strip().split("\\s+")));
        }

        Processes.Result result = configure(command.toArray(String[]::new));

        assertThat(result.exitCode()).as(result.output()).isEqualTo(2);
        assertThat(result.stderr()).contains(message).contains("--help");
        assertThat(result.stdout()).doesNotContain("==>");
    }

    @Test
    @Order(4)
    void theConfigureScriptStopsAtAStepThatFails() {
        // Without systemd the service cannot be installed; the command line says so and the script stops there.
        assumeTrue(!Files.isDirectory(Path.of("/run/systemd/system")), "systemd runs here; the service would install");

        Processes.Result result = configure("--yes", "--instance", "Svc01", "--trust", SERVER_THUMBPRINT);

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr()).contains("this step failed:", "service --instance Svc01 --install",
                "every step");
        assertThat(result.output()).contains("systemd is not running");
        assertThat(tentacle("list-instances").stdout()).contains("Svc01");
    }

    @Test
    @Order(5)
    void reinstallingRunsTheUpgradePathAndKeepsInstances() {
        Processes.Result again = root.install(deb.file());

        assertThat(again.exitCode()).as(again.output()).isZero();
        assertThat(again.stdout()).contains("Preparing to unpack").doesNotContain("sudo /opt/tentacle/bin/configure");
        assertThat(tentacle("list-instances").stdout()).contains("Web01");
    }

    @Test
    @Order(6)
    void removalDeletesItsServicesAndFilesButKeepsInstancesUntilPurged() throws IOException {
        Path units = Files.createDirectories(root.resolve("/etc/systemd/system"));
        Path wants = Files.createDirectories(units.resolve("multi-user.target.wants"));
        Path ours = service(units, wants, "Web01", "/opt/tentacle/bin/tentacle");
        Path viaUsrBin = service(units, wants, "Old", "/usr/bin/tentacle");
        Path someoneElses = service(units, wants, "Dev", "/home/dev/tentacle/bin/tentacle");

        Processes.Result removed = root.remove("tentacle");

        assertThat(removed.exitCode()).as(removed.output()).isZero();
        assertThat(removed.stdout()).contains("Removed the service tentacle-Web01.service",
                "Removed the service tentacle-Old.service", "are kept; 'apt purge tentacle'");
        assertThat(ours).doesNotExist();
        assertThat(viaUsrBin).doesNotExist();
        assertThat(Files.exists(wants.resolve("tentacle-Web01.service"), LinkOption.NOFOLLOW_LINKS)).isFalse();
        assertThat(someoneElses).exists();
        assertThat(root.resolve("/opt/tentacle")).doesNotExist();
        assertThat(Files.exists(root.resolve("/usr/bin/tentacle"), LinkOption.NOFOLLOW_LINKS)).isFalse();
        assertThat(root.resolve("/usr/share/applications/tentacle-manager.desktop")).doesNotExist();
        assertThat(registry.resolve("Tentacle/instances.json")).exists();
        assertThat(registry.resolve("Tentacle/instances/Web01/Tentacle.config.json")).exists();

        Processes.Result purged = root.purge("tentacle");

        assertThat(purged.exitCode()).as(purged.output()).isZero();
        assertThat(purged.stdout()).contains("Deleted the Tentacle instances in /etc/octopus/Tentacle");
        assertThat(registry.resolve("Tentacle")).doesNotExist();
        assertThat(root.status("tentacle").exitCode()).isNotZero();
        Set<String> left = listTree(root.resolve("/opt"));
        assertThat(left).isEmpty();
    }

    @Test
    @Order(7)
    void theRpmHoldsTheSameTreeAndItsCacheMatchesItsJars() throws IOException {
        Path output = Path.of(System.getProperty("installers.output"));
        List<Path> rpms;
        try (var files = Files.list(output)) {
            rpms = files.filter(f -> f.getFileName().toString().matches("tentacle-.*\\.rpm")).toList();
        }
        assumeTrue(!rpms.isEmpty(), "No .rpm: rpmbuild is not installed here");
        assumeTrue(Processes.find("rpm").isPresent() && Processes.find("rpm2archive").isPresent(),
                "The .rpm cannot be read here: rpm is not installed");
        Path rpm = rpms.getFirst();

        assertThat(run(Map.of(), "rpm", "-qp", "--requires", rpm.toString()).stdout()).contains("glibc")
                .doesNotContain("libjvm", "libX11");
        assertThat(run(Map.of(), "rpm", "-qpl", rpm.toString()).stdout()).contains("/usr/bin/tentacle\n",
                "/opt/tentacle/lib/app/tentacle.aot", "/usr/share/applications/tentacle-manager.desktop");
        assertThat(run(Map.of(), "rpm", "-qp", "--scripts", rpm.toString()).stdout())
                .contains("remove_package_services", "installed_hint");
        // Unpacked with the files' times, as rpm installs them (rpm2archive comes with rpmbuild): the launcher must
        // accept the cache.
        Path unpacked = Files.createDirectories(work.resolve("rpm-root"));
        Processes.Result unpack = run(Map.of(), "sh", "-c", "cd \"$0\" && rpm2archive - < \"$1\" | tar -xzf -",
                unpacked.toString(), rpm.toString());
        assertThat(unpack.exitCode()).as(unpack.output()).isZero();
        Processes.Result version = run(Map.of("TENTACLE_JAVA_OPTS", "-XX:AOTMode=on"),
                unpacked.resolve("usr/bin/tentacle").toString(), "version");
        assertThat(version.exitCode()).as(version.output()).isZero();
        assertThat(version.stdout()).startsWith("Tentacle for the JVM");
    }

    /** A unit for an instance, as {@code tentacle service --install} writes it, enabled. */
    private static Path service(Path units, Path wants, String instance, String launcher) throws IOException {
        ServiceName name = ServiceName.tentacle(instance);
        String unit = SystemdUnitNames.unitName(name);
        Path file = Files.writeString(units.resolve(unit), SystemdUnitFile.render(ServiceDefinition
                .builder(name, launcher).arguments(ServiceDefinition.runArguments(instance)).build()));
        Files.createSymbolicLink(wants.resolve(unit), file);
        return file;
    }

    private static Set<String> listTree(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return Set.of();
        }
        try (var paths = Files.walk(directory)) {
            return paths.filter(p -> !p.equals(directory)).map(Path::toString).collect(Collectors.toSet());
        }
    }
}

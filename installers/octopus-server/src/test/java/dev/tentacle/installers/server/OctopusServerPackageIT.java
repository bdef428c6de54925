package dev.tentacle.installers.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tentacle.installers.Processes;
import dev.tentacle.installers.debian.BuiltPackage;
import dev.tentacle.installers.debian.DebArchive;
import dev.tentacle.installers.debian.DpkgRoot;
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
 * The Octopus Server .deb this build made, checked as the Tentacle's is (see TentaclePackageIT) where the server
 * differs: its contents, the installed {@code octopus-server version} and {@code help} on the package's runtime and
 * AOT cache, an instance with its embedded database set up by the configure script, and removal and purge.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(OrderAnnotation.class)
class OctopusServerPackageIT {
    @TempDir
    static Path work;
    DebArchive deb;
    DpkgRoot root;
    Path registry;

    @BeforeAll
    void findThePackage() throws IOException {
        BuiltPackage.notExpected(System.getProperty("installers.types", "none"))
                .ifPresent(reason -> assumeTrue(false, reason));
        deb = DebArchive.of(BuiltPackage.deb(Path.of(System.getProperty("installers.output")), "octopus-server"));
        root = DpkgRoot.create(Files.createDirectories(work.resolve("root")));
        registry = root.resolve("/etc/octopus");
    }

    private Processes.Result run(String... command) {
        var environment = new HashMap<String, String>();
        for (String name : List.of("OCTOPUS_SERVER_LAUNCHER", "TENTACLE_DEBUG", "JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS",
                "PACKAGE_BUILD_AOT_CACHE_OUTPUT")) {
            environment.put(name, null);
        }
        environment.put("OCTOPUS_INSTANCES_DIR", registry.toString());
        // -XX:AOTMode=on: the JVM refuses to start unless it can use the package's AOT cache.
        environment.put("OCTOPUS_SERVER_JAVA_OPTS", "-XX:AOTMode=on");
        return Processes.run(List.of(command), work, environment, Duration.ofMinutes(2));
    }

    private Processes.Result server(String... arguments) {
        var command = new ArrayList<>(List.of(root.resolve("/usr/bin/octopus-server").toString()));
        command.addAll(List.of(arguments));
        return run(command.toArray(String[]::new));
    }

    private Processes.Result configure(String... arguments) {
        var command = new ArrayList<>(List.of(root.resolve("/opt/octopus-server/bin/configure-octopus-server.sh")
                .toString()));
        command.addAll(List.of(arguments));
        return run(command.toArray(String[]::new));
    }

    @Test
    @Order(1)
    void itHoldsTheServerItsManagerAndTheirLaunchers() {
        Map<String, DebArchive.Entry> byPath = deb.contents().stream()
                .collect(Collectors.toMap(DebArchive.Entry::path, entry -> entry));

        assertThat(deb.controlFields()).containsEntry("Package", "octopus-server")
                .containsEntry("Depends", "libc6 (>= 2.17)");
        assertThat(byPath).containsKeys("/opt/octopus-server/bin/octopus-server",
                "/opt/octopus-server/bin/octopus-server-manager", "/opt/octopus-server/bin/configure-octopus-server.sh",
                "/opt/octopus-server/lib/app/octopus-server.aot", "/opt/octopus-server/lib/runtime/bin/java",
                "/usr/share/applications/octopus-server-manager.desktop",
                "/usr/share/icons/hicolor/256x256/apps/octopus-server-manager.png");
        assertThat(byPath.keySet()).anyMatch(path -> path.matches("/opt/octopus-server/lib/app/h2-.*\\.jar"))
                .anyMatch(path -> path.matches("/opt/octopus-server/lib/app/server-manager-.*\\.jar"));
        assertThat(byPath.get("/usr/bin/octopus-server").linkTarget())
                .contains("../../opt/octopus-server/bin/octopus-server");
        assertThat(deb.info()).contains(" postinst ", " prerm ", " postrm ");
        assertThat(deb.controlMember("prerm")).contains("unit_prefix=octopus-server-");
    }

    @Test
    @Order(2)
    void installsAndTheInstalledServerShowsItsVersionAndCommands() {
        Processes.Result installed = root.install(deb.file());
        assertThat(installed.exitCode()).as(installed.output()).isZero();
        assertThat(installed.stdout()).contains("sudo /opt/octopus-server/bin/configure-octopus-server.sh");

        Processes.Result version = server("version");
        Processes.Result help = server("help");

        assertThat(version.exitCode()).as(version.output()).isZero();
        assertThat(version.stdout()).startsWith("Octopus Server for the JVM " + System.getProperty("project.version"));
        assertThat(version.stderr()).isEmpty();
        assertThat(help.exitCode()).as(help.output()).isZero();
        assertThat(help.stdout()).contains("create-instance", "machine", "health-check", "run-script");
        assertThat(help.stderr()).isEmpty();
    }

    @Test
    @Order(3)
    void theConfigureScriptSetsUpAnInstanceWithItsDatabaseAndAnApiKey() {
        Processes.Result result = configure("--yes", "--no-service", "--web-port", "18443", "--comms-port", "18943",
                "--api-key-name", "package test");

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.stdout()).contains("configure --instance OctopusServer --webPort 18443 --commsListenPort 18943"
                + " --storageConnectionString default", "Created the API key 'package test'", "API-",
                "The Octopus Server instance 'OctopusServer' is set up.");
        assertThat(server("list-instances").stdout()).contains("OctopusServer");
    }

    @ParameterizedTest(name = "{0}")
    @Order(3)
    @CsvSource(delimiter = '|', value = {
        "--colour blue                     | unknown option '--colour'",
        "--web-port 0                      | --web-port 0: The port must be a number from 1 to 65535.",
        "--web-port 9000 --comms-port 9000 | --web-port and --comms-port must differ",
        "--storage mysql://db/octopus      | --storage mysql://db/octopus: The database is default, h2:DIR",
        "--api-key-name                    | the option --api-key-name needs a value."})
    void theConfigureScriptRefusesBadArguments(String arguments, String message) {
        var command = new ArrayList<>(List.of("--yes", "--no-service", "--instance", "Other"));
        command.addAll(List.of(arguments.strip().split("\\s+")));

        Processes.Result result = configure(command.toArray(String[]::new));

        assertThat(result.exitCode()).as(result.output()).isEqualTo(2);
        assertThat(result.stderr()).contains(message);
        assertThat(server("list-instances").stdout()).doesNotContain("Other");
    }

    @Test
    @Order(4)
    void removalDeletesItsServiceAndPurgeItsInstances() throws IOException {
        Path units = Files.createDirectories(root.resolve("/etc/systemd/system"));
        ServiceName name = ServiceName.octopusServer("OctopusServer");
        Path unit = Files.writeString(units.resolve(SystemdUnitNames.unitName(name)), SystemdUnitFile.render(
                ServiceDefinition.builder(name, "/opt/octopus-server/bin/octopus-server")
                        .arguments(ServiceDefinition.runArguments("OctopusServer")).build()));

        Processes.Result removed = root.remove("octopus-server");

        assertThat(removed.exitCode()).as(removed.output()).isZero();
        assertThat(unit).doesNotExist();
        assertThat(Files.exists(root.resolve("/usr/bin/octopus-server"), LinkOption.NOFOLLOW_LINKS)).isFalse();
        assertThat(registry.resolve("OctopusServer/instances/OctopusServer/Database")).exists();

        Processes.Result purged = root.purge("octopus-server");

        assertThat(purged.exitCode()).as(purged.output()).isZero();
        assertThat(registry.resolve("OctopusServer")).doesNotExist();
    }
}

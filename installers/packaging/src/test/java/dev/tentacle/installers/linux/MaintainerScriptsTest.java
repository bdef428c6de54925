package dev.tentacle.installers.linux;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tentacle.installers.Processes;
import dev.tentacle.installers.Product;
import dev.tentacle.installers.Template;
import dev.tentacle.installers.TreeFiles;
import dev.tentacle.instances.ApplicationKind;
import dev.tentacle.instances.registry.InstanceLocations;
import dev.tentacle.instances.registry.InstanceRegistry;
import dev.tentacle.instances.service.ServiceDefinition;
import dev.tentacle.instances.service.ServiceName;
import dev.tentacle.instances.service.SystemdUnitFile;
import dev.tentacle.instances.service.SystemdUnitNames;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The .deb's maintainer scripts, rendered for the Tentacle and run as dpkg runs them for {@code dpkg --root}: with
 * {@code DPKG_ROOT} set to a directory holding the services and instances the engine writes. The package test runs
 * them through dpkg itself.
 */
class MaintainerScriptsTest {
    private static final Product TENTACLE = Product.load(Path.of("../tentacle/src/main/packaging/product.properties"));

    @TempDir
    Path work;
    Path root;
    Path units;

    @BeforeEach
    void directories() throws IOException {
        root = Files.createDirectories(work.resolve("root"));
        units = Files.createDirectories(root.resolve("etc/systemd/system"));
    }

    private Path script(String name) {
        Map<String, String> values = new HashMap<>(LinuxTree.values(TENTACLE));
        values.put("MAINTAINER_FUNCTIONS", Template.resource("linux/maintainer-functions.sh").render(values));
        return TreeFiles.write(work.resolve(name), Template.resource("linux/" + name).render(values),
                TreeFiles.EXECUTABLE);
    }

    private Processes.Result run(String name, String... arguments) {
        var command = new java.util.ArrayList<>(List.of(script(name).toString()));
        command.addAll(List.of(arguments));
        return Processes.run(command, work, Map.of("DPKG_ROOT", root.toString()), Duration.ofSeconds(30));
    }

    /** A unit as {@code tentacle service --install} writes it, enabled. */
    private Path service(String instance, String launcher) throws IOException {
        ServiceName name = ServiceName.tentacle(instance);
        String unit = SystemdUnitNames.unitName(name);
        Path file = Files.writeString(units.resolve(unit), SystemdUnitFile.render(ServiceDefinition.builder(name, launcher)
                .arguments(ServiceDefinition.runArguments(instance)).build()));
        Path wants = Files.createDirectories(units.resolve("multi-user.target.wants"));
        Files.createSymbolicLink(wants.resolve(unit), file);
        return file;
    }

    @Test
    void everyScriptIsValidPosixShell() {
        for (String name : List.of("postinst", "prerm", "postrm")) {
            Processes.Result result = Processes.run(List.of("sh", "-n", script(name).toString()), work, Map.of(),
                    Duration.ofSeconds(30));
            assertThat(result.exitCode()).as(name + ": " + result.output()).isZero();
        }
    }

    @Test
    void removalDeletesTheServicesOfThisPackagesLauncherOnly() throws IOException {
        Path web = service("Web01", "/opt/tentacle/bin/tentacle");
        Path spaced = service("My Box", "/usr/bin/tentacle");
        Path developer = service("Dev", "/home/me/src/bin/tentacle");
        Path other = Files.writeString(units.resolve("nginx.service"), "[Service]\nExecStart=/usr/sbin/nginx\n");

        Processes.Result result = run("prerm", "remove");

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(web).doesNotExist();
        assertThat(spaced).doesNotExist();
        assertThat(Files.exists(units.resolve("multi-user.target.wants/tentacle-Web01.service"), LinkOption.NOFOLLOW_LINKS))
                .isFalse();
        assertThat(developer).exists();
        assertThat(units.resolve("multi-user.target.wants/tentacle-Dev.service")).exists();
        assertThat(other).exists();
        assertThat(result.stdout()).contains("Removed the service tentacle-Web01.service (its Tentacle instance and"
                + " files are kept).", "Removed the service tentacle-My\\x20Box.service");
    }

    @Test
    void anUpgradeLeavesTheServicesRunning() throws IOException {
        Path web = service("Web01", "/opt/tentacle/bin/tentacle");

        assertThat(run("prerm", "upgrade", "0.2.0").exitCode()).isZero();
        // With DPKG_ROOT set, postinst restarts nothing: another root's services are not this machine's.
        Processes.Result configured = run("postinst", "configure", "0.1.0");

        assertThat(web).exists();
        assertThat(configured.exitCode()).isZero();
        assertThat(configured.stdout()).isEmpty();
    }

    @Test
    void aFirstInstallSaysHowToSetUpAnInstance() {
        Processes.Result result = run("postinst", "configure", "");

        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout()).contains("Tentacle is installed in /opt/tentacle",
                "sudo /opt/tentacle/bin/configure-tentacle.sh", "Tentacle Manager", "tentacle help");
    }

    @Test
    void removalKeepsTheInstancesAndPurgeDeletesThem() {
        Path registryDirectory = root.resolve("etc/octopus");
        var tentacles = new InstanceRegistry(InstanceLocations.at(registryDirectory), ApplicationKind.TENTACLE);
        tentacles.create("Web01");
        Path elsewhere = root.resolve("srv/tentacle/Tentacle.config.json");
        tentacles.create("Elsewhere", elsewhere);
        TreeFiles.write(elsewhere, "{}", TreeFiles.READABLE);
        var servers = new InstanceRegistry(InstanceLocations.at(registryDirectory), ApplicationKind.SERVER);
        servers.create("OctopusServer");

        Processes.Result removed = run("postrm", "remove");
        assertThat(removed.stdout()).contains("The Tentacle instances in /etc/octopus/Tentacle are kept",
                "apt purge tentacle");
        assertThat(registryDirectory.resolve("Tentacle/instances.json")).exists();

        Processes.Result purged = run("postrm", "purge");

        assertThat(purged.exitCode()).as(purged.output()).isZero();
        assertThat(registryDirectory.resolve("Tentacle")).doesNotExist();
        assertThat(elsewhere).exists();
        assertThat(purged.stdout()).contains("Deleted the Tentacle instances in /etc/octopus/Tentacle",
                "outside it and were left", elsewhere.toString())
                .doesNotContain("instances/Web01");
        // The server's instances are not the Tentacle package's.
        assertThat(registryDirectory.resolve("OctopusServer/instances.json")).exists();
    }

    @Test
    void purgeWithoutInstancesDoesNothing() {
        Processes.Result result = run("postrm", "purge");

        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout()).isEmpty();
    }

    @Test
    void anUnknownArgumentIsAnError() {
        for (String name : List.of("postinst", "prerm", "postrm")) {
            Processes.Result result = run(name, "explode");
            assertThat(result.exitCode()).as(name).isEqualTo(1);
            assertThat(result.stderr()).contains(name + " called with unknown argument 'explode'");
        }
    }
}

package dev.tentacle.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tentacle.instances.service.ServiceDefinition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code octopus-server service}, through a recording service manager: nothing is installed on this machine. */
class ServiceCommandTest {
    @TempDir
    Path temp;

    ServerCliHarness cli;
    Path launcher;

    @BeforeEach
    void setUp() throws IOException {
        launcher = Files.writeString(temp.resolve("octopus-server"), "#!/bin/sh\n");
        cli = new ServerCliHarness(temp.resolve("registry"))
                .variable(ServerCliContext.LAUNCHER_VARIABLE, launcher.toString());
        cli.ok("create-instance", "--instance", "Main", "--home", temp.resolve("home").toString());
    }

    @Test
    void installRunsTheLauncherForThisInstance() {
        var result = cli.ok("service", "--instance", "main", "--install", "--username", "octopus");

        ServiceDefinition definition = cli.serviceManager().installed();
        assertThat(cli.serviceManager().calls()).containsExactly("install OctopusDeploy: Main");
        assertThat(definition.launcher()).isEqualTo(launcher.toString());
        assertThat(definition.arguments()).containsExactly("run", "--instance", "Main");
        assertThat(definition.userName()).contains("octopus");
        assertThat(definition.workingDirectory()).contains(temp.resolve("home").toString());
        assertThat(definition.environment()).containsEntry("OCTOPUS_INSTANCES_DIR", temp.resolve("registry").toString());
        assertThat(definition.description()).contains("Octopus Server instance \"Main\"");
        assertThat(result.out()).contains("Installed the service 'OctopusDeploy: Main' to run " + launcher
                + " run --instance Main as octopus, enabled it at boot and started it.");
    }

    @Test
    void theDefaultInstanceIsTheServiceOctopusDeploy() {
        cli.ok("create-instance", "--home", temp.resolve("default-home").toString());

        cli.ok("service", "--install");

        assertThat(cli.serviceManager().installed().displayName()).isEqualTo("OctopusDeploy");
        assertThat(cli.serviceManager().installed().arguments()).containsExactly("run", "--instance", "OctopusServer");
    }

    @Test
    void installWithAConfigFilePassesItToTheService() {
        Path config = temp.resolve("home/OctopusServer.config.json");

        cli.ok("service", "--instance", "Main", "--config", config.toString(), "--install");

        ServiceDefinition definition = cli.serviceManager().installed();
        assertThat(definition.displayName()).isEqualTo("OctopusDeploy: Main");
        assertThat(definition.arguments()).containsExactly("run", "--instance", "Main", "--config", config.toString());
        assertThat(definition.environment()).isEmpty();
    }

    @Test
    void combinedActionsRunInTheOriginalsOrder() {
        cli.ok("service", "--instance", "Main", "--uninstall", "--start", "--stop", "--install", "--restart");

        assertThat(cli.serviceManager().calls()).containsExactly(
                "install OctopusDeploy: Main",
                "stop OctopusDeploy: Main",
                "start OctopusDeploy: Main",
                "restart OctopusDeploy: Main",
                "uninstall OctopusDeploy: Main");
    }

    @Test
    void statusAsJson() {
        var json = cli.ok("service", "--instance", "Main", "--install", "--status", "--format", "json").json();

        assertThat(json.get("instance").asText()).isEqualTo("Main");
        assertThat(json.get("service").asText()).isEqualTo("OctopusDeploy: Main");
        assertThat(json.get("actions")).hasSize(1);
        assertThat(json.get("status").get("state").asText()).isEqualTo("RUNNING");
    }

    @Test
    void statusAsText() {
        var result = cli.ok("service", "--instance", "Main", "--status");

        assertThat(result.out()).isEqualTo("Service 'OctopusDeploy: Main': NOT_INSTALLED" + System.lineSeparator());
    }

    @Test
    void uninstallingWhatIsNotInstalledSaysSo() {
        var result = cli.ok("service", "--instance", "Main", "--uninstall");

        assertThat(result.out()).contains("was not installed; nothing to uninstall");
    }

    @Test
    void stopAndUninstallWorkForAnInstanceNoLongerRegistered() {
        cli.ok("delete-instance", "--instance", "Main");

        cli.ok("service", "--instance", "Main", "--stop", "--uninstall");

        assertThat(cli.serviceManager().calls()).containsExactly("stop OctopusDeploy: Main",
                "uninstall OctopusDeploy: Main");
    }

    @Test
    void installWithoutTheLauncherVariableSaysHowToRunIt() {
        cli.variable(ServerCliContext.LAUNCHER_VARIABLE, "");

        var result = cli.run("service", "--instance", "Main", "--install");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("OCTOPUS_SERVER_LAUNCHER is not set", "bin/octopus-server");
        assertThat(cli.serviceManager().calls()).isEmpty();
    }

    @Test
    void installWithALauncherThatDoesNotExistIsAUserError() {
        cli.variable(ServerCliContext.LAUNCHER_VARIABLE, temp.resolve("nope").toString());

        var result = cli.run("service", "--instance", "Main", "--install");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("not the full path of an existing file");
    }

    @Test
    void installForAnUnknownInstanceIsAUserError() {
        var result = cli.run("service", "--instance", "Nope", "--install");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("Nope");
        assertThat(cli.serviceManager().calls()).isEmpty();
    }

    @Test
    void withoutAnActionSaysWhichThereAre() {
        var result = cli.run("service", "--instance", "Main");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("Give at least one action: --install");
    }

    @Test
    void usernameWithoutInstallIsAUserError() {
        var result = cli.run("service", "--instance", "Main", "--start", "--username", "octopus");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("--username and --password only apply with --install");
        assertThat(cli.serviceManager().calls()).isEmpty();
    }
}

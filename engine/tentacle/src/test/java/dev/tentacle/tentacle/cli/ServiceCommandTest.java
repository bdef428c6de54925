package dev.tentacle.tentacle.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tentacle.instances.service.ServiceDefinition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceCommandTest {
    @TempDir
    Path temp;

    CliHarness cli;
    Path launcher;

    @BeforeEach
    void setUp() throws IOException {
        launcher = Files.writeString(temp.resolve("tentacle"), "#!/bin/sh\n");
        cli = new CliHarness(temp.resolve("registry")).variable(CliContext.LAUNCHER_VARIABLE, launcher.toString());
        cli.ok("create-instance", "--instance", "Web01", "--home", temp.resolve("home").toString());
    }

    @Test
    void installRunsTheLauncherForThisInstance() {
        var result = cli.ok("service", "--instance", "web01", "--install", "--username", "octopus");

        ServiceDefinition definition = cli.serviceManager().installed();
        assertThat(cli.serviceManager().calls()).containsExactly("install OctopusDeploy Tentacle: Web01");
        assertThat(definition.launcher()).isEqualTo(launcher.toString());
        assertThat(definition.arguments()).containsExactly("run", "--instance", "Web01");
        assertThat(definition.userName()).contains("octopus");
        assertThat(definition.workingDirectory()).contains(temp.resolve("home").toString());
        assertThat(definition.environment()).containsEntry("OCTOPUS_INSTANCES_DIR", temp.resolve("registry").toString());
        assertThat(result.out()).contains("Installed the service 'OctopusDeploy Tentacle: Web01'", "as octopus");
    }

    @Test
    void installWithAConfigFilePassesItToTheService() {
        Path config = temp.resolve("home/Tentacle.config.json");

        cli.ok("service", "--config", config.toString(), "--install");

        ServiceDefinition definition = cli.serviceManager().installed();
        assertThat(definition.displayName()).isEqualTo("OctopusDeploy Tentacle");
        assertThat(definition.arguments()).containsExactly("run", "--instance", "Tentacle", "--config", config.toString());
        assertThat(definition.environment()).isEmpty();
    }

    @Test
    void combinedActionsRunInTheOriginalsOrder() {
        cli.ok("service", "--instance", "Web01", "--uninstall", "--start", "--stop", "--install", "--restart");

        assertThat(cli.serviceManager().calls()).containsExactly(
                "install OctopusDeploy Tentacle: Web01",
                "stop OctopusDeploy Tentacle: Web01",
                "start OctopusDeploy Tentacle: Web01",
                "restart OctopusDeploy Tentacle: Web01",
                "uninstall OctopusDeploy Tentacle: Web01");
    }

    @Test
    void statusAsJson() {
        var json = cli.ok("service", "--instance", "Web01", "--install", "--status", "--format", "json").json();

        assertThat(json.get("service").asText()).isEqualTo("OctopusDeploy Tentacle: Web01");
        assertThat(json.get("actions")).hasSize(1);
        assertThat(json.get("status").get("state").asText()).isEqualTo("RUNNING");
        assertThat(json.get("status").get("detail").asText()).isEmpty();
    }

    @Test
    void statusAsText() {
        var result = cli.ok("service", "--instance", "Web01", "--status");

        assertThat(result.out()).isEqualTo("Service 'OctopusDeploy Tentacle: Web01': NOT_INSTALLED" + System.lineSeparator());
    }

    @Test
    void uninstallingWhatIsNotInstalledSaysSo() {
        var result = cli.ok("service", "--instance", "Web01", "--uninstall");

        assertThat(result.out()).contains("was not installed; nothing to uninstall");
    }

    @Test
    void stopAndUninstallWorkForAnInstanceNoLongerRegistered() {
        cli.ok("delete-instance", "--instance", "Web01");

        cli.ok("service", "--instance", "Web01", "--stop", "--uninstall");

        assertThat(cli.serviceManager().calls()).contains("stop OctopusDeploy Tentacle: Web01",
                "uninstall OctopusDeploy Tentacle: Web01");
    }

    @Test
    void installWithoutTheLauncherVariableSaysHowToRunIt() {
        cli.variable(CliContext.LAUNCHER_VARIABLE, "");

        var result = cli.run("service", "--instance", "Web01", "--install");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("TENTACLE_LAUNCHER is not set", "bin/tentacle");
        assertThat(cli.serviceManager().calls()).isEmpty();
    }

    @Test
    void installWithALauncherThatDoesNotExistIsAUserError() {
        cli.variable(CliContext.LAUNCHER_VARIABLE, temp.resolve("nope").toString());

        var result = cli.run("service", "--instance", "Web01", "--install");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("not the full path of an existing file");
    }

    @Test
    void installForAnUnknownInstanceIsAUserError() {
        var result = cli.run("service", "--instance", "Nope", "--install");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("No Tentacle instance named 'Nope'");
        assertThat(cli.serviceManager().calls()).isEmpty();
    }

    @Test
    void withoutAnActionSaysWhichThereAre() {
        var result = cli.run("service", "--instance", "Web01");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("Give at least one action: --install");
    }

    @Test
    void usernameWithoutInstallIsAUserError() {
        var result = cli.run("service", "--instance", "Web01", "--start", "--username", "octopus");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("--username and --password only apply with --install");
        assertThat(cli.serviceManager().calls()).isEqualTo(List.of());
    }
}

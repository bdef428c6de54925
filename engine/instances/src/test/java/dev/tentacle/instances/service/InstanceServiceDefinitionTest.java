package dev.tentacle.instances.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tentacle.instances.registry.HostEnvironment;
import dev.tentacle.instances.registry.InstanceLocations;
import dev.tentacle.instances.registry.OperatingSystem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstanceServiceDefinitionTest {
    @TempDir
    Path temp;

    private HostEnvironment environment(Map<String, String> variables) {
        return new HostEnvironment(OperatingSystem.LINUX, variables, "tester", temp);
    }

    @Test
    void theLauncherIsTheExistingFileTheVariableNames() throws IOException {
        Path launcher = Files.createFile(temp.resolve("octopus-server"));

        assertThat(InstanceServiceDefinition.launcher(environment(Map.of("SOME_LAUNCHER", launcher.toString())),
                "SOME_LAUNCHER", "octopus-server")).isEqualTo(launcher);
    }

    @Test
    void aMissingOrWrongLauncherSaysWhatToSetNamingTheProgram() {
        assertThatThrownBy(() -> InstanceServiceDefinition.launcher(environment(Map.of()), "SOME_LAUNCHER",
                "octopus-server")).isInstanceOf(IllegalStateException.class)
                .hasMessage("Cannot install the service: it needs the full path of the octopus-server launcher, and"
                        + " SOME_LAUNCHER is not set. Run this command through bin/octopus-server or the installed"
                        + " octopus-server program, or set SOME_LAUNCHER to its full path.");
        assertThatThrownBy(() -> InstanceServiceDefinition.launcher(environment(Map.of("SOME_LAUNCHER", "bin/tentacle")),
                "SOME_LAUNCHER", "tentacle")).isInstanceOf(IllegalStateException.class)
                .hasMessage("SOME_LAUNCHER is 'bin/tentacle', which is not the full path of an existing file. Set it to"
                        + " the full path of the tentacle launcher.");
    }

    @Test
    void runsTheInstanceInItsHomePointingAtANonSystemRegistryOrNamingItsConfigFile() {
        var locations = InstanceLocations.resolve(environment(Map.of(InstanceLocations.DIRECTORY_VARIABLE,
                temp.resolve("registry").toString())));
        Path home = temp.resolve("home");
        Path config = home.resolve("OctopusServer.config.json");
        Path launcher = temp.resolve("octopus-server");

        var definition = InstanceServiceDefinition.of(ServiceName.octopusServer("Main"), home, config, locations,
                launcher, false, "octopus", null);
        var byConfig = InstanceServiceDefinition.of(ServiceName.octopusServer("Main"), home, config, locations,
                launcher, true, null, null);

        assertThat(definition.launcher()).isEqualTo(launcher.toString());
        assertThat(definition.arguments()).containsExactly("run", "--instance", "Main");
        assertThat(definition.workingDirectory()).contains(home.toString());
        assertThat(definition.userName()).contains("octopus");
        assertThat(definition.environment()).containsEntry(InstanceLocations.DIRECTORY_VARIABLE,
                temp.resolve("registry").toString());
        assertThat(byConfig.arguments()).containsExactly("run", "--instance", "Main", "--config", config.toString());
        assertThat(byConfig.environment()).isEmpty();
    }
}

package dev.tentacle.tentacle.instance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tentacle.instances.ApplicationKind;
import dev.tentacle.instances.registry.HostEnvironment;
import dev.tentacle.instances.registry.InstanceLocations;
import dev.tentacle.instances.registry.InstanceRegistry;
import dev.tentacle.instances.registry.OperatingSystem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TentacleServiceDefinitionTest {
    @TempDir
    Path temp;

    @Test
    void runsTheInstanceInItsHomeAndPointsAtANonSystemRegistry() throws IOException {
        Path launcher = Files.createFile(temp.resolve("tentacle"));
        var environment = new HostEnvironment(OperatingSystem.LINUX, Map.of(InstanceLocations.DIRECTORY_VARIABLE,
                temp.resolve("registry").toString(), TentacleServiceDefinition.LAUNCHER_VARIABLE, launcher.toString()),
                "tester", temp);
        var locations = InstanceLocations.resolve(environment);
        var created = new InstanceSetup(new InstanceRegistry(locations, ApplicationKind.TENTACLE))
                .create("Web01", temp.resolve("home"), null);

        var definition = TentacleServiceDefinition.of(created.instance(), locations,
                TentacleServiceDefinition.launcher(environment), false, null, null);

        assertThat(definition.launcher()).isEqualTo(launcher.toString());
        assertThat(definition.arguments()).containsExactly("run", "--instance", "Web01");
        assertThat(definition.workingDirectory()).contains(temp.resolve("home").toString());
        assertThat(definition.environment()).containsEntry(InstanceLocations.DIRECTORY_VARIABLE,
                temp.resolve("registry").toString());
        assertThat(TentacleServiceDefinition.of(created.instance(), locations, launcher, true, "octopus", null).arguments())
                .isEqualTo(List.of("run", "--instance", "Web01", "--config", created.instance().configFile().toString()));
    }

    @Test
    void aMissingLauncherSaysWhatToSet() {
        var environment = new HostEnvironment(OperatingSystem.LINUX, Map.of(), "tester", temp);

        assertThatThrownBy(() -> TentacleServiceDefinition.launcher(environment))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("TENTACLE_LAUNCHER is not set");
    }
}

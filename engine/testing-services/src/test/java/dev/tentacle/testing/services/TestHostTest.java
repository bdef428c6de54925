package dev.tentacle.testing.services;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tentacle.instances.ApplicationKind;
import dev.tentacle.instances.registry.InstanceLocations;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestHostTest {
    @TempDir
    Path root;

    @Test
    void theAppSeesTheTemporaryRegistryAndTheProductsLauncher() {
        TestHost host = new TestHost(root, ApplicationKind.SERVER, "OCTOPUS_SERVER_LAUNCHER");

        assertThat(host.launcher()).isEqualTo(root.resolve("bin/octopus-server")).isRegularFile();
        assertThat(host.environment().variable("OCTOPUS_SERVER_LAUNCHER")).contains(host.launcher().toString());
        assertThat(host.environment().variable(InstanceLocations.DIRECTORY_VARIABLE))
                .contains(root.resolve("registry").toString());
        assertThat(host.registry().kind()).isEqualTo(ApplicationKind.SERVER);
        assertThat(host.unitName("Main")).startsWith("octopus-server-");

        host.variable("EXTRA", "1");
        host.withoutVariable("OCTOPUS_SERVER_LAUNCHER");
        assertThat(host.environment().variable("EXTRA")).contains("1");
        assertThat(host.environment().variable("OCTOPUS_SERVER_LAUNCHER")).isEmpty();
    }

    @Test
    void systemdAnswersThroughTheFakeUntilItStops() {
        TestHost host = new TestHost(root, ApplicationKind.TENTACLE, "TENTACLE_LAUNCHER");

        assertThat(host.launcher()).isEqualTo(root.resolve("bin/tentacle"));
        assertThat(host.services().isSupported()).isTrue();
        host.stopSystemd();
        assertThat(host.services().isSupported()).isFalse();
    }
}

package dev.tentacle.server.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tentacle.instances.ApplicationKind;
import dev.tentacle.instances.registry.InstanceLocations;
import dev.tentacle.instances.registry.InstanceRegistry;
import dev.tentacle.instances.registry.OperatingSystem;
import dev.tentacle.server.config.WebListenAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PortAvailabilityTest {
    @TempDir
    Path root;

    private InstanceRegistry registry() {
        return new InstanceRegistry(InstanceLocations.at(root.resolve("registry")), ApplicationKind.SERVER);
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void aFreePortCanBeUsed() throws Exception {
        assertThat(new PortAvailability(registry()).problem(freePort(), "web port", "Main")).isEmpty();
    }

    @Test
    void aPortHeldOnThisMachineIsNamedWithTheProcessHoldingIt() throws Exception {
        try (ServerSocket held = new ServerSocket()) {
            held.bind(new InetSocketAddress("127.0.0.1", 0));
            int port = held.getLocalPort();

            var problem = new PortAvailability(registry()).problem(port, "comms port", "Main");

            assertThat(problem).hasValueSatisfying(message -> {
                assertThat(message).contains("Port " + port + " is in use on this machine", "Choose another comms port");
                if (OperatingSystem.current() == OperatingSystem.LINUX) {
                    assertThat(message).contains("this app itself (process " + ProcessHandle.current().pid());
                }
            });
        }
    }

    @Test
    void thePortOfAnotherRegisteredServerIsNamedEvenWhenItIsStopped() throws Exception {
        int port = freePort();
        ServerInstance other = new ServerInstanceSetup(registry()).create("Other", root.resolve("other"), null)
                .instance();
        other.update(c -> c.withWebListen(new WebListenAddress("localhost", port)));

        assertThat(new PortAvailability(registry()).problem(port, "web port", "Main")).hasValueSatisfying(message ->
                assertThat(message).contains("'Other' uses port " + port + " as its web port"));
        assertThat(new PortAvailability(registry()).problem(port, "web port", "other")).isEmpty();
    }

    @Test
    void aNumberOutsideThePortRangeIsRejected() {
        assertThat(new PortAvailability(registry()).problem(70000, "web port", "Main")).hasValueSatisfying(message ->
                assertThat(message).contains("from 1 to 65535"));
    }
}

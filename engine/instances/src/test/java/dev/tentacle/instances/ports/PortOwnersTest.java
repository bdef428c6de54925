package dev.tentacle.instances.ports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tentacle.instances.registry.OperatingSystem;
import dev.tentacle.testing.net.Ports;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PortOwnersTest {
    @TempDir
    Path proc;

    @Test
    void findsTheProcessWhoseDescriptorIsTheListeningSocket() throws Exception {
        Files.createDirectories(proc.resolve("net"));
        Files.writeString(proc.resolve("net/tcp"), """
                  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
                   0: 0100007F:2A45 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 4242 1 0 100 0 0 10 0
                   1: 0100007F:2A45 0100007F:D431 01 00000000:00000000 00:00000000 00000000     0        0 5555 1 0 20 4 30 10 -1
                """);
        Files.createDirectories(proc.resolve("77/fd"));
        Files.createSymbolicLink(proc.resolve("77/fd/3"), Path.of("socket:[5555]"));
        Files.createDirectories(proc.resolve("123/fd"));
        Files.createSymbolicLink(proc.resolve("123/fd/0"), Path.of("/dev/null"));
        Files.createSymbolicLink(proc.resolve("123/fd/7"), Path.of("socket:[4242]"));

        var owner = PortOwners.at(proc).listenerOf(10821);

        assertThat(owner).map(PortOwners.Owner::pid).contains(123L);
        assertThat(PortOwners.at(proc).listenerOf(10933)).isEmpty();
    }

    @Test
    void findsThisProcessHoldingARealPort() throws Exception {
        assumeTrue(OperatingSystem.current() == OperatingSystem.LINUX, "/proc is Linux's");
        try (ServerSocket held = Ports.occupy()) {
            var owner = PortOwners.linux().listenerOf(held.getLocalPort());

            assertThat(owner).hasValueSatisfying(o -> {
                assertThat(o.isThisProcess()).isTrue();
                assertThat(o.describe()).startsWith("process " + ProcessHandle.current().pid());
            });
        }
    }

    @Test
    void aMissingProcTableGivesNothing() {
        assertThat(PortOwners.at(proc.resolve("nowhere")).listenerOf(10933)).isEmpty();
    }
}

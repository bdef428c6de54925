package dev.tentacle.tentacle.capabilities;

import dev.tentacle.contracts.capabilities.CapabilitiesService;
import dev.tentacle.contracts.capabilities.CapabilitiesResponse;
import dev.tentacle.contracts.capabilities.DiskSpace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tentacle.contracts.files.FileTransferService;
import dev.tentacle.tentacle.scripts.LoopbackAgent;
import dev.tentacle.contracts.scripts.ScriptService;
import dev.tentacle.contracts.scripts.ScriptServiceV2;
import java.io.UncheckedIOException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CapabilitiesServiceTest {
    @TempDir
    Path home;

    @Test
    void theStandardAgentListsItsServicesByTheirWireNames() {
        CapabilitiesResponse response = AgentCapabilities.standard(home.resolve("Work")).getCapabilities();

        assertThat(response.supportedServices()).containsExactly("CapabilitiesService", "ScriptService", "ScriptServiceV2", "FileTransferService");
        assertThat(response.agentVersion()).isEqualTo(AgentCapabilities.DEVELOPMENT_VERSION);
        assertThat(response.supports(ScriptServiceV2.class)).isTrue();
    }

    @Test
    void theStandardAgentReportsTheSpaceOfItsWorkDirectorysVolume() throws IOException {
        Path work = Files.createDirectories(home.resolve("Work"));

        DiskSpace disk = AgentCapabilities.standard(work).getCapabilities().workDiskSpace();

        assertThat(disk).isNotNull();
        assertThat(disk.path()).isEqualTo(work.toAbsolutePath().normalize().toString());
        assertThat(disk.totalBytes()).isEqualTo(Files.getFileStore(work).getTotalSpace());
        assertThat(disk.freeBytes()).isPositive().isLessThanOrEqualTo(disk.totalBytes());
    }

    @Test
    void measuresTheDiskAfreshOnEveryCall() {
        AtomicLong free = new AtomicLong(5_000);
        AgentCapabilities capabilities = new AgentCapabilities("7.1.0", List.of(ScriptServiceV2.class),
                () -> new DiskSpace("/work", free.getAndAdd(-1_000), 10_000));

        assertThat(capabilities.getCapabilities().workDiskSpace().freeBytes()).isEqualTo(5_000);
        assertThat(capabilities.getCapabilities().workDiskSpace().freeBytes()).isEqualTo(4_000);
    }

    @Test
    void aVolumeThatCannotBeReadIsReportedAsUnknownAndTheRestOfTheAnswerStands() {
        AgentCapabilities capabilities = new AgentCapabilities("7.1.0", List.of(ScriptServiceV2.class), () -> {
            throw new UncheckedIOException(new IOException("Input/output error"));
        });

        CapabilitiesResponse response = capabilities.getCapabilities();

        assertThat(response.workDiskSpace()).isNull();
        assertThat(response.supports(ScriptServiceV2.class)).isTrue();
    }

    @Test
    void anAgentWithoutScriptServiceV2SaysSoSoThatCallersFallBackToV1() {
        CapabilitiesResponse response = new AgentCapabilities("6.3.0", List.of(ScriptService.class, FileTransferService.class)).getCapabilities();

        assertThat(response.supports(ScriptServiceV2.class)).isFalse();
        assertThat(response.supports("ScriptService")).isTrue();
        assertThat(response.workDiskSpace()).isNull();
    }

    @Test
    void answersOverTheWire() {
        DiskSpace disk = new DiskSpace("/etc/octopus/Tentacle/instances/Tentacle/Work", 123_456_789L, 987_654_321L);
        try (LoopbackAgent agent = LoopbackAgent.hosting(builder -> builder.service(CapabilitiesService.class,
                new AgentCapabilities("7.1.0", List.of(CapabilitiesService.class, ScriptServiceV2.class), () -> disk)))) {
            CapabilitiesResponse response = agent.client(CapabilitiesService.class).getCapabilities();

            assertThat(response).isEqualTo(new CapabilitiesResponse("7.1.0", List.of("CapabilitiesService", "ScriptServiceV2"), disk));
        }
    }
}

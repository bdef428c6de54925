package dev.tentacle.tentacle.capabilities;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tentacle.contracts.capabilities.CapabilitiesResponse;
import dev.tentacle.contracts.capabilities.CapabilitiesService;
import dev.tentacle.contracts.capabilities.DiskSpace;
import dev.tentacle.contracts.scripts.ScriptServiceV2;
import dev.tentacle.tentacle.scripts.LoopbackAgent;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The capabilities answer gained {@code workDiskSpace}; agents and servers of either age must still understand each
 * other. Each test puts one side's contract on a real connection with the other side's: a service's wire name is its
 * interface's simple name, so the nested interfaces below are what an older or newer peer hosts or calls.
 */
class CapabilitiesWireCompatibilityTest {

    /** The contract before disk space was reported. */
    static final class OlderContract {
        record CapabilitiesResponse(String agentVersion, List<String> supportedServices) {
        }

        interface CapabilitiesService {
            CapabilitiesResponse getCapabilities();
        }
    }

    /** A contract from the future, whose disk report says more than this code knows. */
    static final class NewerContract {
        record DiskSpace(String path, long freeBytes, long totalBytes, long freeInodes, String volumeLabel) {
        }

        record CapabilitiesResponse(String agentVersion, List<String> supportedServices, DiskSpace workDiskSpace,
                String operatingSystem) {
        }

        interface CapabilitiesService {
            CapabilitiesResponse getCapabilities();
        }
    }

    @Test
    void anOlderAgentsAnswerWithoutDiskSpaceReadsAsUnknownDiskSpace() {
        OlderContract.CapabilitiesService olderAgent = () -> new OlderContract.CapabilitiesResponse("6.3.0",
                List.of("CapabilitiesService", "ScriptServiceV2"));
        try (LoopbackAgent agent = LoopbackAgent.hosting(b -> b.service(OlderContract.CapabilitiesService.class, olderAgent))) {
            CapabilitiesResponse response = agent.client(CapabilitiesService.class).getCapabilities();

            assertThat(response.agentVersion()).isEqualTo("6.3.0");
            assertThat(response.supports(ScriptServiceV2.class)).isTrue();
            assertThat(response.workDiskSpace()).isNull();
        }
    }

    @Test
    void anOlderServerReadsANewAgentsAnswerAndIgnoresTheDiskSpace() {
        AgentCapabilities newAgent = new AgentCapabilities("7.1.0", List.of(CapabilitiesService.class, ScriptServiceV2.class),
                () -> new DiskSpace("/etc/octopus/Tentacle/instances/Tentacle/Work", 1L << 30, 1L << 40));
        try (LoopbackAgent agent = LoopbackAgent.hosting(b -> b.service(CapabilitiesService.class, newAgent))) {
            OlderContract.CapabilitiesResponse response = agent.client(OlderContract.CapabilitiesService.class).getCapabilities();

            assertThat(response).isEqualTo(new OlderContract.CapabilitiesResponse("7.1.0",
                    List.of("CapabilitiesService", "ScriptServiceV2")));
        }
    }

    @Test
    void aNewerAgentsAnswerWithMoreFieldsStillReads() {
        NewerContract.CapabilitiesService newerAgent = () -> new NewerContract.CapabilitiesResponse("9.0.0",
                List.of("ScriptServiceV2"), new NewerContract.DiskSpace("C:\\Octopus\\Work", 500, 1_000, 42, "DATA"), "Windows");
        try (LoopbackAgent agent = LoopbackAgent.hosting(b -> b.service(NewerContract.CapabilitiesService.class, newerAgent))) {
            CapabilitiesResponse response = agent.client(CapabilitiesService.class).getCapabilities();

            assertThat(response).isEqualTo(new CapabilitiesResponse("9.0.0", List.of("ScriptServiceV2"),
                    new DiskSpace("C:\\Octopus\\Work", 500, 1_000)));
        }
    }

    @Test
    void anAgentThatCouldNotReadItsVolumeSendsNullAndTheAnswerStillReads() {
        AgentCapabilities newAgent = new AgentCapabilities("7.1.0", List.of(ScriptServiceV2.class), () -> null);
        try (LoopbackAgent agent = LoopbackAgent.hosting(b -> b.service(CapabilitiesService.class, newAgent))) {
            CapabilitiesResponse response = agent.client(CapabilitiesService.class).getCapabilities();

            assertThat(response).isEqualTo(new CapabilitiesResponse("7.1.0", List.of("ScriptServiceV2"), null));
        }
    }
}

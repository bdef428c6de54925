package dev.tentacle.tentacle.capabilities;

import dev.tentacle.contracts.capabilities.CapabilitiesService;
import dev.tentacle.contracts.capabilities.CapabilitiesResponse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tentacle.contracts.files.FileTransferService;
import dev.tentacle.tentacle.scripts.LoopbackAgent;
import dev.tentacle.contracts.scripts.ScriptService;
import dev.tentacle.contracts.scripts.ScriptServiceV2;
import java.util.List;
import org.junit.jupiter.api.Test;

class CapabilitiesServiceTest {
    @Test
    void theStandardAgentListsItsServicesByTheirWireNames() {
        CapabilitiesResponse response = AgentCapabilities.standard().getCapabilities();

        assertThat(response.supportedServices()).containsExactly("CapabilitiesService", "ScriptService", "ScriptServiceV2", "FileTransferService");
        assertThat(response.agentVersion()).isEqualTo(AgentCapabilities.DEVELOPMENT_VERSION);
        assertThat(response.supports(ScriptServiceV2.class)).isTrue();
    }

    @Test
    void anAgentWithoutScriptServiceV2SaysSoSoThatCallersFallBackToV1() {
        CapabilitiesResponse response = new AgentCapabilities("6.3.0", List.of(ScriptService.class, FileTransferService.class)).getCapabilities();

        assertThat(response.supports(ScriptServiceV2.class)).isFalse();
        assertThat(response.supports("ScriptService")).isTrue();
    }

    @Test
    void answersOverTheWire() {
        try (LoopbackAgent agent = LoopbackAgent.hosting(builder -> builder.service(CapabilitiesService.class,
                new AgentCapabilities("7.1.0", List.of(CapabilitiesService.class, ScriptServiceV2.class))))) {
            CapabilitiesResponse response = agent.client(CapabilitiesService.class).getCapabilities();

            assertThat(response).isEqualTo(new CapabilitiesResponse("7.1.0", List.of("CapabilitiesService", "ScriptServiceV2")));
        }
    }
}

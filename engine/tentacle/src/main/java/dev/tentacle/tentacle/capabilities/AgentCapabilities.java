package dev.tentacle.tentacle.capabilities;

import dev.tentacle.contracts.capabilities.CapabilitiesService;
import dev.tentacle.contracts.capabilities.CapabilitiesResponse;

import dev.tentacle.contracts.files.FileTransferService;
import dev.tentacle.contracts.scripts.ScriptService;
import dev.tentacle.contracts.scripts.ScriptServiceV2;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/** {@link CapabilitiesService} on the agent: a fixed answer, built from the service interfaces the agent hosts. */
public final class AgentCapabilities implements CapabilitiesService {
    /** The version used when the running code carries none in its manifest (a build from source). */
    public static final String DEVELOPMENT_VERSION = "0.0.0-development";

    private final CapabilitiesResponse response;

    public AgentCapabilities(String agentVersion, List<Class<?>> hostedServices) {
        Objects.requireNonNull(agentVersion, "agentVersion");
        this.response = new CapabilitiesResponse(agentVersion, hostedServices.stream().map(Class::getSimpleName).distinct().toList());
    }

    /** This agent's standard set: capabilities, scripts v1 and v2, file transfer; the version from the jar manifest. */
    public static AgentCapabilities standard() {
        return new AgentCapabilities(currentVersion(), Arrays.asList(CapabilitiesService.class, ScriptService.class, ScriptServiceV2.class,
                FileTransferService.class));
    }

    /** The Implementation-Version of this code's jar, or {@link #DEVELOPMENT_VERSION}. */
    public static String currentVersion() {
        String version = AgentCapabilities.class.getPackage().getImplementationVersion();
        return version == null || version.isBlank() ? DEVELOPMENT_VERSION : version;
    }

    @Override
    public CapabilitiesResponse getCapabilities() {
        return response;
    }
}

package dev.tentacle.contracts.capabilities;

import java.util.List;
import java.util.Objects;

/**
 * What an agent supports.
 *
 * @param agentVersion the agent's version, for display and diagnostics
 * @param supportedServices the service names it hosts, as they are named on the wire (a service interface's simple
 *     name, with its version in the name: "ScriptService", "ScriptServiceV2", "FileTransferService",
 *     "CapabilitiesService")
 */
public record CapabilitiesResponse(String agentVersion, List<String> supportedServices) {
    public CapabilitiesResponse {
        Objects.requireNonNull(agentVersion, "agentVersion");
        supportedServices = supportedServices == null ? List.of() : List.copyOf(supportedServices);
    }

    /** True when the agent hosts the service with this wire name. */
    public boolean supports(String serviceName) {
        return supportedServices.contains(serviceName);
    }

    /** True when the agent hosts the service interface. */
    public boolean supports(Class<?> service) {
        return supports(service.getSimpleName());
    }
}

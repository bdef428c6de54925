package dev.tentacle.contracts.capabilities;

import java.util.List;
import java.util.Objects;

/**
 * What an agent supports, and the free space it has to work with.
 *
 * <p>Both directions stay compatible on the wire: unknown fields are ignored when a message is read, and a missing
 * field arrives as null. An older agent, which sends no {@code workDiskSpace}, reads as one whose disk space is
 * unknown; an older caller ignores the field.
 *
 * @param agentVersion the agent's version, for display and diagnostics
 * @param supportedServices the service names it hosts, as they are named on the wire (a service interface's simple
 *     name, with its version in the name: "ScriptService", "ScriptServiceV2", "FileTransferService",
 *     "CapabilitiesService")
 * @param workDiskSpace space on the volume of the agent's work directory, measured for this answer; null when the
 *     agent is older than this field or could not read its volume
 */
public record CapabilitiesResponse(String agentVersion, List<String> supportedServices, DiskSpace workDiskSpace) {
    public CapabilitiesResponse {
        Objects.requireNonNull(agentVersion, "agentVersion");
        supportedServices = supportedServices == null ? List.of() : List.copyOf(supportedServices);
    }

    /** An answer that does not report disk space, as an older agent gives. */
    public CapabilitiesResponse(String agentVersion, List<String> supportedServices) {
        this(agentVersion, supportedServices, null);
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

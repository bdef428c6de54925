package dev.tentacle.contracts.capabilities;

import dev.tentacle.comms.Idempotent;

/**
 * Tells a caller which services this agent hosts, so that it can choose the newest one both sides know (for example
 * ScriptServiceV2, whose calls may be retried) and fall back to ScriptService v1 for an agent that lacks it. An
 * agent without this service at all answers {@link dev.tentacle.comms.ErrorCode#SERVICE_NOT_FOUND}: treat it as
 * supporting ScriptService v1 and FileTransferService only.
 */
public interface CapabilitiesService {
    @Idempotent
    CapabilitiesResponse getCapabilities();
}

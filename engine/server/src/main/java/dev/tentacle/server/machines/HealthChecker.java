package dev.tentacle.server.machines;

import dev.tentacle.comms.CommsException;
import dev.tentacle.comms.CommsRuntime;
import dev.tentacle.comms.ErrorCode;
import dev.tentacle.comms.retry.RetryPolicy;
import dev.tentacle.contracts.capabilities.CapabilitiesResponse;
import dev.tentacle.contracts.capabilities.CapabilitiesService;
import dev.tentacle.contracts.scripts.ScriptService;
import dev.tentacle.contracts.scripts.ScriptServiceV2;
import dev.tentacle.server.storage.health.HealthCheckResult;
import dev.tentacle.server.storage.machines.Machine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Checks one machine: asks its agent for its capabilities, with the machine policy's retries, and judges the answer.
 * <ul>
 *   <li>HEALTHY: the agent answered and can run scripts.</li>
 *   <li>UNHEALTHY: the agent answered but cannot run scripts (it hosts no script service).</li>
 *   <li>UNAVAILABLE: the agent could not be reached or was not trusted; the reason is the comms error, which says what
 *       to check (thumbprints both ways, DNS, port, proxy, TLS).</li>
 * </ul>
 * An agent without the capabilities service is an older agent: it is reachable, so it counts as healthy, with script
 * service v1 assumed.
 */
public final class HealthChecker {
    /** Shown as the agent version of an agent that does not report one. */
    public static final String UNKNOWN_VERSION = "unknown (agent without CapabilitiesService)";

    private final CommsRuntime runtime;
    private final Clock clock;

    public HealthChecker(CommsRuntime runtime, Clock clock) {
        this.runtime = runtime;
        this.clock = clock;
    }

    public HealthCheckResult check(Machine machine, RetryPolicy retryPolicy) {
        Instant checkedAt = clock.instant();
        CapabilitiesService capabilities = runtime.client(MachineEndpoints.of(machine), CapabilitiesService.class, retryPolicy);
        long started = System.nanoTime();
        try {
            CapabilitiesResponse response = capabilities.getCapabilities();
            Duration latency = Duration.ofNanos(System.nanoTime() - started);
            if (response.supports(ScriptServiceV2.class) || response.supports(ScriptService.class)) {
                return HealthCheckResult.healthy(machine.id(), checkedAt, latency, response.agentVersion(), response.supportedServices(), null);
            }
            return HealthCheckResult.unhealthy(machine.id(), checkedAt, "The agent answered but hosts no script service (it offers "
                    + response.supportedServices() + "), so it cannot run deployments or scripts. Upgrade or reinstall it.",
                    latency, response.agentVersion(), response.supportedServices(), null);
        } catch (CommsException e) {
            if (e.code() == ErrorCode.SERVICE_NOT_FOUND) {
                Duration latency = Duration.ofNanos(System.nanoTime() - started);
                return HealthCheckResult.healthy(machine.id(), checkedAt, latency, UNKNOWN_VERSION,
                        List.of(ScriptService.class.getSimpleName()), null);
            }
            return HealthCheckResult.unavailable(machine.id(), checkedAt, "[" + e.code() + "] " + e.getMessage());
        }
    }
}

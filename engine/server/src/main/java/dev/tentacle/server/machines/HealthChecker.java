package dev.tentacle.server.machines;

import dev.tentacle.comms.CommsException;
import dev.tentacle.comms.CommsRuntime;
import dev.tentacle.comms.ErrorCode;
import dev.tentacle.comms.retry.RetryPolicy;
import dev.tentacle.contracts.capabilities.CapabilitiesResponse;
import dev.tentacle.contracts.capabilities.CapabilitiesService;
import dev.tentacle.contracts.capabilities.DiskSpace;
import dev.tentacle.contracts.scripts.ScriptService;
import dev.tentacle.contracts.scripts.ScriptServiceV2;
import dev.tentacle.server.storage.health.HealthCheckResult;
import dev.tentacle.server.storage.machines.Machine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Checks one machine: asks its agent for its capabilities, with the machine policy's retries, and judges the answer.
 * <ul>
 *   <li>HEALTHY: the agent answered, can run scripts, and has at least the low disk space threshold free (or did not
 *       say how much it has).</li>
 *   <li>UNHEALTHY: the agent answered but cannot run scripts (it hosts no script service), or the volume of its Work
 *       directory has less free space than the threshold: 1 GiB ({@link #DEFAULT_LOW_DISK_SPACE_BYTES}) unless the
 *       checker was made with another. Scripts and uploads fail on a full volume, so a machine running low is
 *       flagged before its deployments start failing. The reason says how much is free, on which directory's volume,
 *       and what to do.</li>
 *   <li>UNAVAILABLE: the agent could not be reached or was not trusted; the reason is the comms error, which says what
 *       to check (thumbprints both ways, DNS, port, proxy, TLS), after its code in brackets: the {@link HealthProblem}
 *       (an untrusted certificate says which side refused it).</li>
 * </ul>
 * Every answered check records the agent's free disk space, when the agent reports it. An agent without the
 * capabilities service is an older agent: it is reachable, so it counts as healthy, with script service v1 assumed
 * and its free disk space unknown.
 */
public final class HealthChecker {
    /** Shown as the agent version of an agent that does not report one. */
    public static final String UNKNOWN_VERSION = "unknown (agent without CapabilitiesService)";

    /** A machine with less free space than this on its Work directory's volume is unhealthy: 1 GiB. */
    public static final long DEFAULT_LOW_DISK_SPACE_BYTES = 1L << 30;

    private static final String[] BINARY_UNITS = {"KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};

    private final CommsRuntime runtime;
    private final Clock clock;
    private final long lowDiskSpaceBytes;

    /** A checker with the default low disk space threshold, {@link #DEFAULT_LOW_DISK_SPACE_BYTES}. */
    public HealthChecker(CommsRuntime runtime, Clock clock) {
        this(runtime, clock, DEFAULT_LOW_DISK_SPACE_BYTES);
    }

    /**
     * @param lowDiskSpaceBytes a machine with less free space than this is unhealthy; 0 never flags low disk space
     */
    public HealthChecker(CommsRuntime runtime, Clock clock, long lowDiskSpaceBytes) {
        if (lowDiskSpaceBytes < 0) {
            throw new IllegalArgumentException("The low disk space threshold cannot be negative, was " + lowDiskSpaceBytes
                    + " bytes; use 0 to never flag low disk space");
        }
        this.runtime = Objects.requireNonNull(runtime, "runtime");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.lowDiskSpaceBytes = lowDiskSpaceBytes;
    }

    public HealthCheckResult check(Machine machine, RetryPolicy retryPolicy) {
        Instant checkedAt = clock.instant();
        CapabilitiesService capabilities = runtime.client(MachineEndpoints.of(machine), CapabilitiesService.class, retryPolicy);
        long started = System.nanoTime();
        try {
            CapabilitiesResponse response = capabilities.getCapabilities();
            Duration latency = Duration.ofNanos(System.nanoTime() - started);
            return judge(machine, checkedAt, latency, response);
        } catch (CommsException e) {
            if (e.code() == ErrorCode.SERVICE_NOT_FOUND) {
                Duration latency = Duration.ofNanos(System.nanoTime() - started);
                return HealthCheckResult.healthy(machine.id(), checkedAt, latency, UNKNOWN_VERSION,
                        List.of(ScriptService.class.getSimpleName()), null);
            }
            return HealthCheckResult.unavailable(machine.id(), checkedAt, HealthProblem.reason(e));
        }
    }

    private HealthCheckResult judge(Machine machine, Instant checkedAt, Duration latency, CapabilitiesResponse response) {
        DiskSpace disk = response.workDiskSpace();
        Long freeDiskBytes = disk == null ? null : disk.freeBytes();
        List<String> problems = new ArrayList<>();
        if (!response.supports(ScriptServiceV2.class) && !response.supports(ScriptService.class)) {
            problems.add("The agent answered but hosts no script service (it offers " + response.supportedServices()
                    + "), so it cannot run deployments or scripts. Upgrade or reinstall it.");
        }
        if (disk != null && disk.freeBytes() < lowDiskSpaceBytes) {
            problems.add(lowDiskSpace(disk));
        }
        if (problems.isEmpty()) {
            return HealthCheckResult.healthy(machine.id(), checkedAt, latency, response.agentVersion(),
                    response.supportedServices(), freeDiskBytes);
        }
        return HealthCheckResult.unhealthy(machine.id(), checkedAt, String.join(" ", problems), latency,
                response.agentVersion(), response.supportedServices(), freeDiskBytes);
    }

    private String lowDiskSpace(DiskSpace disk) {
        String ofTotal = disk.totalBytes() > 0 ? " of " + humanBytes(disk.totalBytes()) : "";
        return "Low disk space: only " + humanBytes(disk.freeBytes()) + " (" + disk.freeBytes() + " bytes)" + ofTotal
                + " is free on the volume that holds " + disk.path() + ", less than the " + humanBytes(lowDiskSpaceBytes)
                + " a healthy machine needs; scripts and file uploads fail when it is full. Free space on that volume, or "
                + "clean the Work directory of workspaces and logs left by scripts that are no longer running.";
    }

    /** Bytes in binary units with one decimal, such as {@code 812.5 MiB}; below 1 KiB as {@code 512 bytes}. */
    public static String humanBytes(long bytes) {
        if (bytes < 1024) {
            return bytes + (bytes == 1 ? " byte" : " bytes");
        }
        double value = bytes;
        int unit = -1;
        // Just under a unit's boundary would print as 1024.0 of the smaller unit; show 1.0 of the larger instead.
        while (value >= 1023.95 && unit < BINARY_UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, BINARY_UNITS[unit]);
    }
}

package dev.tentacle.tentacle.capabilities;

import dev.tentacle.contracts.capabilities.CapabilitiesResponse;
import dev.tentacle.contracts.capabilities.CapabilitiesService;
import dev.tentacle.contracts.capabilities.DiskSpace;
import dev.tentacle.contracts.files.FileTransferService;
import dev.tentacle.contracts.scripts.ScriptService;
import dev.tentacle.contracts.scripts.ScriptServiceV2;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link CapabilitiesService} on the agent: the version and the service interfaces it hosts, which never change, and
 * the free space of its work directory's volume, measured on every call so that each health check sees it as it is.
 */
public final class AgentCapabilities implements CapabilitiesService {
    /** The version used when the running code carries none in its manifest (a build from source). */
    public static final String DEVELOPMENT_VERSION = "0.0.0-development";

    private static final Logger LOG = LoggerFactory.getLogger(AgentCapabilities.class);

    private final String agentVersion;
    private final List<String> supportedServices;
    private final Supplier<DiskSpace> workDiskSpace;

    /** An agent that does not report disk space. */
    public AgentCapabilities(String agentVersion, List<Class<?>> hostedServices) {
        this(agentVersion, hostedServices, () -> null);
    }

    /**
     * @param workDiskSpace measures the work directory's volume when asked (a {@link DiskSpaceProbe}); it may give null,
     *     and if it throws the answer carries null disk space rather than failing
     */
    public AgentCapabilities(String agentVersion, List<Class<?>> hostedServices, Supplier<DiskSpace> workDiskSpace) {
        this.agentVersion = Objects.requireNonNull(agentVersion, "agentVersion");
        this.supportedServices = hostedServices.stream().map(Class::getSimpleName).distinct().toList();
        this.workDiskSpace = Objects.requireNonNull(workDiskSpace, "workDiskSpace");
    }

    /**
     * This agent's standard set: capabilities, scripts v1 and v2, file transfer; the version from the jar manifest; the
     * disk space of the volume holding {@code workDirectory}.
     */
    public static AgentCapabilities standard(Path workDirectory) {
        return new AgentCapabilities(currentVersion(), Arrays.asList(CapabilitiesService.class, ScriptService.class, ScriptServiceV2.class,
                FileTransferService.class), new DiskSpaceProbe(workDirectory));
    }

    /** The Implementation-Version of this code's jar, or {@link #DEVELOPMENT_VERSION}. */
    public static String currentVersion() {
        String version = AgentCapabilities.class.getPackage().getImplementationVersion();
        return version == null || version.isBlank() ? DEVELOPMENT_VERSION : version;
    }

    @Override
    public CapabilitiesResponse getCapabilities() {
        return new CapabilitiesResponse(agentVersion, supportedServices, measureWorkDiskSpace());
    }

    private DiskSpace measureWorkDiskSpace() {
        try {
            return workDiskSpace.get();
        } catch (RuntimeException e) {
            // Disk space is for display and warnings; the services list is what callers need to go on working.
            LOG.warn("Cannot report free disk space: {}", e.toString());
            return null;
        }
    }
}

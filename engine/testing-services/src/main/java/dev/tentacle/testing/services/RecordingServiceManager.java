package dev.tentacle.testing.services;

import dev.tentacle.instances.service.ServiceDefinition;
import dev.tentacle.instances.service.ServiceManager;
import dev.tentacle.instances.service.ServiceName;
import dev.tentacle.instances.service.ServiceStatus;
import java.util.ArrayList;
import java.util.List;

/**
 * A service manager that changes nothing on the machine: it records each call as "install NAME", "start NAME" and
 * so on, keeps the last definition installed, and tracks a status that installs, starts and stops change.
 */
public final class RecordingServiceManager implements ServiceManager {
    private final List<String> calls = new ArrayList<>();
    private final boolean supported;
    private ServiceStatus status = ServiceStatus.notInstalled();
    private ServiceDefinition installed;

    public RecordingServiceManager(boolean supported) {
        this.supported = supported;
    }

    public static RecordingServiceManager supported() {
        return new RecordingServiceManager(true);
    }

    public RecordingServiceManager withStatus(ServiceStatus newStatus) {
        this.status = newStatus;
        return this;
    }

    public List<String> calls() {
        return List.copyOf(calls);
    }

    public ServiceDefinition installed() {
        return installed;
    }

    @Override
    public boolean isSupported() {
        return supported;
    }

    @Override
    public String describe() {
        return "recorded for a test";
    }

    @Override
    public void install(ServiceDefinition definition) {
        calls.add("install " + definition.displayName());
        installed = definition;
        status = ServiceStatus.running();
    }

    @Override
    public boolean uninstall(ServiceName service) {
        calls.add("uninstall " + service.displayName());
        boolean wasInstalled = status.state() != ServiceStatus.State.NOT_INSTALLED;
        status = ServiceStatus.notInstalled();
        return wasInstalled;
    }

    @Override
    public void start(ServiceName service) {
        calls.add("start " + service.displayName());
        status = ServiceStatus.running();
    }

    @Override
    public void stop(ServiceName service) {
        calls.add("stop " + service.displayName());
        status = ServiceStatus.stopped();
    }

    @Override
    public void restart(ServiceName service) {
        calls.add("restart " + service.displayName());
        status = ServiceStatus.running();
    }

    @Override
    public ServiceStatus status(ServiceName service) {
        calls.add("status " + service.displayName());
        return status;
    }
}

package dev.tentacle.server.cli;

import dev.tentacle.instances.service.ServiceDefinition;
import dev.tentacle.instances.service.ServiceManager;
import dev.tentacle.instances.service.ServiceName;
import dev.tentacle.instances.service.ServiceStatus;
import java.util.ArrayList;
import java.util.List;

/**
 * A service manager that changes nothing on the machine: it records each call as "install NAME", "start NAME" and
 * so on, keeps the last definition installed, and tracks a status that installs, starts and stops change. The same
 * seam as the Tentacle command line's service tests.
 */
final class RecordingServiceManager implements ServiceManager {
    private final List<String> calls = new ArrayList<>();
    private ServiceStatus status = ServiceStatus.notInstalled();
    private ServiceDefinition installed;

    static RecordingServiceManager supported() {
        return new RecordingServiceManager();
    }

    List<String> calls() {
        return List.copyOf(calls);
    }

    ServiceDefinition installed() {
        return installed;
    }

    @Override
    public boolean isSupported() {
        return true;
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

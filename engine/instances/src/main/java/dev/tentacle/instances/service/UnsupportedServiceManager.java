package dev.tentacle.instances.service;

/**
 * The service manager of an OS with no supported service system (macOS, BSD): it installs nothing and every change
 * fails with a message that says to run the instance in the foreground.
 */
final class UnsupportedServiceManager implements ServiceManager {
    private final String osName;

    UnsupportedServiceManager(String osName) {
        this.osName = osName;
    }

    @Override
    public boolean isSupported() {
        return false;
    }

    @Override
    public String describe() {
        return "OS services are supported on Linux with systemd and on Windows, not on " + osName + ".";
    }

    private ServiceManagerException unsupported(ServiceName service) {
        return new ServiceManagerException(describe() + " Run " + service.describe() + " in the foreground with `"
                + service.foregroundCommand() + "`, under a supervisor of your choice (launchd, a container runtime).");
    }

    @Override
    public void install(ServiceDefinition definition) {
        throw unsupported(definition.service());
    }

    @Override
    public boolean uninstall(ServiceName service) {
        throw unsupported(service);
    }

    @Override
    public void start(ServiceName service) {
        throw unsupported(service);
    }

    @Override
    public void stop(ServiceName service) {
        throw unsupported(service);
    }

    @Override
    public void restart(ServiceName service) {
        throw unsupported(service);
    }

    @Override
    public ServiceStatus status(ServiceName service) {
        return ServiceStatus.unknown(describe());
    }
}

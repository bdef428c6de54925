package dev.tentacle.instances.service;

/**
 * Installs an instance as an OS service and controls it. One implementation per service system: systemd
 * ({@link SystemdServiceManager}) and the Windows service control manager ({@link WindowsServiceManager}); get the
 * right one from {@link ServiceManagers#forCurrentOs()}.
 *
 * <p>Every method that changes the machine throws {@link ServiceManagerException} with a message that says what
 * failed, quotes the command and its output, and says what to do. Changing services usually needs root or an
 * elevated (administrator) prompt.
 */
public interface ServiceManager {

    /**
     * Whether this machine can run services this way: for systemd, that systemd is running and {@code systemctl} is
     * on the PATH; for Windows, that {@code sc.exe} is.
     */
    boolean isSupported();

    /** One sentence for people: how services are managed here, or why they cannot be. */
    String describe();

    /**
     * Installs the service, enables it at boot and starts it. If it is already installed, its definition is
     * replaced and it is restarted, so the new definition takes effect.
     */
    void install(ServiceDefinition definition);

    /**
     * Stops the service and removes it.
     *
     * @return false if it was not installed, in which case nothing changes
     */
    boolean uninstall(ServiceName service);

    /** Starts the installed service; starting a running service is not an error. */
    void start(ServiceName service);

    /** Stops the installed service; stopping a stopped service is not an error. */
    void stop(ServiceName service);

    /** Stops the installed service if it runs, then starts it. */
    void restart(ServiceName service);

    /** Asks the OS; never throws for an OS answer it cannot interpret, but reports {@link ServiceStatus.State#UNKNOWN}. */
    ServiceStatus status(ServiceName service);
}

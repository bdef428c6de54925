package dev.tentacle.instances.service;

import java.util.Locale;
import java.util.Objects;

/** Picks the {@link ServiceManager} for an operating system. */
public final class ServiceManagers {
    private ServiceManagers() {
    }

    /** The manager for this machine, running real commands found on this process's {@code PATH}. */
    public static ServiceManager forCurrentOs() {
        return forOs(System.getProperty("os.name", "unknown"), ProcessCommandRunner.withDefaults());
    }

    /**
     * The manager for the OS called {@code osName} (as in the {@code os.name} system property): systemd on Linux,
     * the service control manager on Windows, and one that explains it cannot help anywhere else.
     */
    public static ServiceManager forOs(String osName, CommandRunner runner) {
        Objects.requireNonNull(osName, "osName");
        Objects.requireNonNull(runner, "runner");
        String lower = osName.toLowerCase(Locale.ROOT);
        if (lower.startsWith("windows")) {
            return WindowsServiceManager.withDefaults(runner);
        }
        if (lower.startsWith("linux")) {
            return new SystemdServiceManager(SystemdServiceManager.Settings.defaults(), runner);
        }
        return new UnsupportedServiceManager(osName);
    }
}

package dev.tentacle.servermanager.setup;

import dev.tentacle.instances.registry.HostEnvironment;
import dev.tentacle.instances.service.ServiceManager;
import dev.tentacle.server.admin.ServerServiceDefinition;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * The service page: whether to install the OS service (a systemd unit, or a Windows service) that runs the server now
 * and at every boot. Offered only when services can be installed here and the {@code octopus-server} launcher the
 * service starts is known ({@value ServerServiceDefinition#LAUNCHER_VARIABLE}); otherwise the page says why.
 */
public final class ServiceViewModel {
    private final BooleanProperty installService = new SimpleBooleanProperty(this, "installService");
    private final boolean available;
    private final String note;

    public ServiceViewModel(HostEnvironment environment, ServiceManager services) {
        String unavailable = null;
        if (!services.isSupported()) {
            unavailable = services.describe();
        } else {
            try {
                ServerServiceDefinition.launcher(environment);
            } catch (IllegalStateException e) {
                unavailable = e.getMessage().replace("Run this command through bin/octopus-server or the installed"
                        + " octopus-server program, or set", "Start the Octopus Server Manager through"
                        + " bin/server-manager or the installed program, or set");
            }
        }
        available = unavailable == null;
        installService.set(available);
        note = available ? "The service runs the server now and at every boot, and restarts it if it stops. Installing"
                + " it needs root (an administrator on Windows)."
                : "The OS service cannot be installed from here: " + unavailable + " The server is set up without"
                        + " one; run it in the foreground with octopus-server run, or install the service later with"
                        + " octopus-server service --install --start.";
    }

    public BooleanProperty installServiceProperty() {
        return installService;
    }

    public boolean available() {
        return available;
    }

    /** What the service does, or why it cannot be installed here. */
    public String note() {
        return note;
    }
}

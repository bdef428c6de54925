package dev.tentacle.servermanager.setup;

import dev.tentacle.server.admin.PortAvailability;
import dev.tentacle.server.config.ServerConfiguration;
import dev.tentacle.server.config.WebListenAddress;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableStringValue;

/**
 * The ports page: the web interface and API port (default 8443) and whether other machines may reach it, and the comms
 * port polling Tentacles connect to (default 10943). Each must be a port, differ from the other, not belong to another
 * registered server instance, and be free on this machine now; a port in use names the process holding it.
 */
public final class PortsViewModel {
    private final PortAvailability availability;
    private final ObservableStringValue instanceName;
    private final StringProperty webPort = new SimpleStringProperty(this, "webPort",
            Integer.toString(WebListenAddress.DEFAULT_PORT));
    private final BooleanProperty allAddresses = new SimpleBooleanProperty(this, "allAddresses", false);
    private final StringProperty commsPort = new SimpleStringProperty(this, "commsPort",
            Integer.toString(ServerConfiguration.DEFAULT_COMMS_LISTEN_PORT));
    private final ReadOnlyStringWrapper webPortError = new ReadOnlyStringWrapper(this, "webPortError", "");
    private final ReadOnlyStringWrapper commsPortError = new ReadOnlyStringWrapper(this, "commsPortError", "");
    private final BooleanBinding valid = Bindings.isEmpty(webPortError).and(Bindings.isEmpty(commsPortError));

    public PortsViewModel(PortAvailability availability, ObservableStringValue instanceName) {
        this.availability = Objects.requireNonNull(availability, "availability");
        this.instanceName = Objects.requireNonNull(instanceName, "instanceName");
        webPort.addListener((observable, before, after) -> validate());
        commsPort.addListener((observable, before, after) -> validate());
        validate();
    }

    private void validate() {
        Optional<String> web = PortText.problem(webPort.get(), "web port", WebListenAddress.DEFAULT_PORT);
        Optional<String> comms = PortText.problem(commsPort.get(), "comms port",
                ServerConfiguration.DEFAULT_COMMS_LISTEN_PORT);
        if (web.isEmpty() && comms.isEmpty() && webPortNumber() == commsPortNumber()) {
            comms = Optional.of("The comms port must differ from the web port (" + webPortNumber() + "); the usual"
                    + " ones are " + WebListenAddress.DEFAULT_PORT + " and "
                    + ServerConfiguration.DEFAULT_COMMS_LISTEN_PORT + ".");
        }
        if (web.isEmpty()) {
            web = availability.problem(webPortNumber(), "web port", instanceName.get());
        }
        if (comms.isEmpty()) {
            comms = availability.problem(commsPortNumber(), "comms port", instanceName.get());
        }
        webPortError.set(web.orElse(""));
        commsPortError.set(comms.orElse(""));
    }

    /** Checks again: a port that was free may have been taken since, or the other way round. */
    public void revalidate() {
        validate();
    }

    public StringProperty webPortProperty() {
        return webPort;
    }

    /** True to listen on all network addresses, so that Tentacles on other machines can register; else localhost. */
    public BooleanProperty allAddressesProperty() {
        return allAddresses;
    }

    public StringProperty commsPortProperty() {
        return commsPort;
    }

    public ReadOnlyStringProperty webPortErrorProperty() {
        return webPortError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty commsPortErrorProperty() {
        return commsPortError.getReadOnlyProperty();
    }

    public BooleanBinding validProperty() {
        return valid;
    }

    /** Where the web interface listens; only when {@link #validProperty()} is true. */
    public WebListenAddress webListen() {
        return new WebListenAddress(allAddresses.get() ? null : WebListenAddress.DEFAULT_BIND_ADDRESS, webPortNumber());
    }

    public int webPortNumber() {
        return PortText.parse(webPort.get()).orElse(-1);
    }

    public int commsPortNumber() {
        return PortText.parse(commsPort.get()).orElse(-1);
    }
}

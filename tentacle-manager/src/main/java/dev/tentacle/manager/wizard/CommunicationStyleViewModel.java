package dev.tentacle.manager.wizard;

import dev.tentacle.instances.config.CommunicationStyle;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/** The second page: does the server connect to the Tentacle (listening, recommended) or the Tentacle to the server? */
public final class CommunicationStyleViewModel {
    /** What a listening Tentacle is, and when to pick it. */
    public static final String LISTENING_EXPLANATION = "The Octopus Server connects to this Tentacle, which listens on"
            + " a TCP port (10933 by default). Pick it when the server can reach this machine: the same network, or a"
            + " firewall you can open. It is the recommended style: simple, and the server sees at once when the"
            + " Tentacle is down.";
    /** What a polling Tentacle is, and when to pick it. */
    public static final String POLLING_EXPLANATION = "This Tentacle connects out to the Octopus Server (port 10943)"
            + " and asks for work; no port is opened on this machine. Pick it when the server cannot reach this"
            + " machine: behind NAT, in a DMZ, or where incoming connections are not allowed. The wizard registers it"
            + " on the server for you, with an API key.";

    private final ObjectProperty<CommunicationStyle> style =
            new SimpleObjectProperty<>(this, "style", CommunicationStyle.LISTENING);

    public ObjectProperty<CommunicationStyle> styleProperty() {
        return style;
    }

    public CommunicationStyle style() {
        return style.get();
    }
}

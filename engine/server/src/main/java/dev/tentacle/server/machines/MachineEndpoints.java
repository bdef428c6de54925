package dev.tentacle.server.machines;

import dev.tentacle.comms.ServiceEndpoint;
import dev.tentacle.instances.config.CommunicationStyle;
import dev.tentacle.server.storage.machines.Machine;
import java.net.URI;

/** Where the server sends calls for a registered machine: its listening address, or its polling subscription. */
public final class MachineEndpoints {
    private MachineEndpoints() {
    }

    public static ServiceEndpoint of(Machine machine) {
        URI uri = machine.uri();
        if (machine.communicationStyle() == CommunicationStyle.POLLING) {
            return ServiceEndpoint.polling(uri.getHost(), machine.thumbprint());
        }
        int port = uri.getPort() == -1 ? ServiceEndpoint.DEFAULT_LISTENING_PORT : uri.getPort();
        return ServiceEndpoint.listening(uri.getHost(), port, machine.thumbprint());
    }
}

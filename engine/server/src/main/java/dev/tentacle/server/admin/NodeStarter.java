package dev.tentacle.server.admin;

import dev.tentacle.comms.CommsException;
import dev.tentacle.comms.CommsOptions;
import dev.tentacle.comms.ErrorCode;
import dev.tentacle.comms.certificates.CertificateIdentity;
import dev.tentacle.server.api.ApiServerSettings;
import dev.tentacle.server.node.NodeSettings;
import dev.tentacle.server.node.ServerNode;
import dev.tentacle.server.storage.Storage;
import java.net.BindException;
import java.time.Clock;
import java.util.Optional;

/** Starts a server node for a command or the Server Manager, turning a port that cannot be bound into advice on which setting to change. */
public final class NodeStarter {
    private NodeStarter() {
    }

    /**
     * Starts the node.
     *
     * @throws CommsException ADDRESS_IN_USE naming the polling port and {@code configure --commsListenPort}
     * @throws IllegalStateException naming the web address and {@code configure --webListenPrefixes}, when the API
     *     cannot listen
     */
    public static ServerNode start(ServerInstance instance, Storage storage, CertificateIdentity identity,
            NodeSettings settings, CommsOptions comms, Optional<ApiServerSettings> api) {
        try {
            return ServerNode.start(storage, identity, settings, comms, api, Clock.systemUTC());
        } catch (CommsException e) {
            if (e.code() == ErrorCode.ADDRESS_IN_USE) {
                throw commsPortInUse(instance, settings.commsListen().getPort(), e);
            }
            throw e;
        } catch (IllegalStateException e) {
            if (api.isPresent() && causedByBind(e)) {
                ApiServerSettings web = api.get();
                throw new IllegalStateException("Cannot listen for the web interface and API on " + web.bindHost() + ":"
                        + web.port() + " (" + rootMessage(e) + "). Is another program using port " + web.port()
                        + ", or is " + web.bindHost() + " not an address of this machine? Stop it, or choose another with:"
                        + " octopus-server configure --instance " + instance.shellQuotedName()
                        + " --webListenPrefixes https://HOST:PORT/ (or --webPort PORT)", e);
            }
            throw e;
        }
    }

    public static CommsException commsPortInUse(ServerInstance instance, int port, CommsException cause) {
        return new CommsException(ErrorCode.ADDRESS_IN_USE, "Cannot listen for polling Tentacles on port " + port + ": "
                + cause.getMessage() + " It is this instance's comms port (another Octopus Server may hold it): change"
                + " it with octopus-server configure --instance " + instance.shellQuotedName()
                + " --commsListenPort PORT, and tell the polling Tentacles the new port.", cause);
    }

    private static boolean causedByBind(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof BindException || cause.getClass().getSimpleName().contains("BindException")) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}

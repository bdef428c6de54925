package dev.tentacle.comms.internal.connection;

import dev.tentacle.comms.CommsException;
import dev.tentacle.comms.ErrorCode;
import dev.tentacle.comms.ServiceEndpoint;
import dev.tentacle.comms.internal.tls.TlsFailures;
import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.proxy.ProxyConnectException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import javax.net.ssl.SSLException;

/** Turns what went wrong while connecting into one named, actionable {@link CommsException}. */
final class ConnectFailures {
    private ConnectFailures() {
    }

    static CommsException classify(Throwable failure, ServiceEndpoint endpoint) {
        Throwable cause = unwrap(failure);
        String target = endpoint.host() + ":" + endpoint.port();
        if (cause instanceof CommsException comms) {
            return comms;
        }
        ProxyConnectException proxy = find(cause, ProxyConnectException.class);
        if (proxy != null) {
            return new CommsException(ErrorCode.PROXY_FAILED, "The proxy " + endpoint.proxy() + " did not open a tunnel to " + target
                    + ": " + proxy.getMessage() + ". Check the proxy address, its credentials, and that it allows CONNECT to port "
                    + endpoint.port() + ".", cause);
        }
        if (cause instanceof UnknownHostException || cause instanceof UnresolvedAddressException) {
            return new CommsException(ErrorCode.DNS_FAILURE, "The host name '" + endpoint.host() + "' could not be resolved (DNS). "
                    + "Check the spelling, or try the machine's IP address: if the IP address works and the name does not, DNS is the problem.", cause);
        }
        if (cause instanceof ConnectTimeoutException) {
            return new CommsException(ErrorCode.TIMEOUT, "Connecting to " + target + " timed out. A firewall may be dropping the "
                    + "packets, or the address may be wrong; check that port " + endpoint.port() + " is open between the two machines.", cause);
        }
        if (cause instanceof NoRouteToHostException) {
            return new CommsException(ErrorCode.CONNECTION_REFUSED, "There is no route to " + target + ". Check the address and the "
                    + "network between the two machines.", cause);
        }
        if (cause instanceof ConnectException) {
            return new CommsException(ErrorCode.CONNECTION_REFUSED, "Nothing accepted a connection at " + target + " (connection refused). "
                    + "Is the service running and listening on port " + endpoint.port() + "? Is a firewall rejecting the connection?", cause);
        }
        if (cause instanceof SSLException) {
            return TlsFailures.classify(cause, endpoint.remoteThumbprint(), target);
        }
        return new CommsException(ErrorCode.CONNECTION_LOST, "The connection to " + target + " failed: " + cause.getMessage(), cause);
    }

    /** The proxy's refusal can arrive wrapped in the TLS handshake failure it caused. */
    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}

package dev.tentacle.tentacle.registration;

import dev.tentacle.comms.CertificateThumbprints;
import dev.tentacle.comms.probe.PlainTextProbe;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Optional;
import javax.net.ssl.SSLException;

/**
 * Turns a failed request into a {@link RegistrationException} that says what happened and what to check. Failures are
 * told apart by their type, and a failed TLS handshake by what the address answers to plain text (a short probe),
 * never by the text of an exception message.
 */
final class ConnectionFailures {
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(3);
    private static final int MAX_ANSWER = 120;

    private ConnectionFailures() {
    }

    /**
     * @param pinnedByUser true when the pinned thumbprint is the one given with {@code --server-thumbprint}, false when
     *     it is the one the server presented earlier in this command
     */
    static RegistrationException translate(URI address, IOException e, PinningTrustManager trust, Duration timeout,
            boolean pinnedByUser) {
        String endpoint = endpoint(address);
        Optional<X509Certificate> rejected = trust.rejected();
        if (rejected.isPresent() && has(e, SSLException.class)) {
            return thumbprintMismatch(endpoint, rejected.get(), trust, pinnedByUser, e);
        }
        if (has(e, UnresolvedAddressException.class) || has(e, UnknownHostException.class)) {
            return new RegistrationException(RegistrationFailure.DNS_FAILURE, "The host name '" + address.getHost()
                    + "' of --server does not resolve, so the Octopus Server cannot be reached. Check the name; try the"
                    + " server's IP address, and if that works, fix DNS.", e);
        }
        if (has(e, HttpConnectTimeoutException.class)) {
            return new RegistrationException(RegistrationFailure.TIMEOUT, "Connecting to " + endpoint + " timed out"
                    + " after " + timeout.toSeconds() + " s. A firewall that drops packets, or a wrong address or port"
                    + " in --server.", e);
        }
        if (has(e, HttpTimeoutException.class)) {
            return new RegistrationException(RegistrationFailure.TIMEOUT, "The Octopus Server at " + endpoint
                    + " accepted the connection but did not answer within " + timeout.toSeconds() + " s. Is it"
                    + " overloaded or starting up? Try again; its log may say more.", e);
        }
        if (has(e, SSLException.class)) {
            return tlsFailure(address, endpoint, e);
        }
        if (has(e, ConnectException.class) || has(e, NoRouteToHostException.class)) {
            return new RegistrationException(RegistrationFailure.CONNECTION_REFUSED, "Nothing accepted the connection to "
                    + endpoint + " (" + connectFailure(e) + "). Is the Octopus Server running, and is " + port(address)
                    + " its web (API) port (octopus-server configure --webListenPrefixes sets it)? Is a firewall"
                    + " rejecting the connection?", e);
        }
        return new RegistrationException(RegistrationFailure.CONNECTION_LOST, "The connection to the Octopus Server at "
                + endpoint + " failed before it answered (" + rootMessage(e) + "). An unstable network, or a proxy or"
                + " firewall that cuts connections; try again.", e);
    }

    private static RegistrationException thumbprintMismatch(String endpoint, X509Certificate presented,
            PinningTrustManager trust, boolean pinnedByUser, IOException e) {
        String pinned = trust.pinned().map(Object::toString).orElse("none");
        String expected = pinnedByUser ? "the one given with --server-thumbprint, " + pinned
                : "the one it presented earlier in this command, " + pinned;
        return new RegistrationException(RegistrationFailure.SERVER_THUMBPRINT_MISMATCH, "The server at " + endpoint
                + " presented a certificate with the thumbprint " + describe(CertificateThumbprints.of(presented))
                + ", not " + expected + ". Nothing was sent to it, not even the API key."
                + " Compare with the thumbprint the Octopus Server shows (octopus-server show-thumbprint) and check that"
                + " --server names that server; a proxy or load balancer that terminates TLS presents its own"
                + " certificate, and is not supported.", e);
    }

    private static RegistrationException tlsFailure(URI address, String endpoint, IOException e) {
        Optional<String> plainAnswer = plainTextAnswer(address);
        if (plainAnswer.isPresent()) {
            return new RegistrationException(RegistrationFailure.NOT_TLS, endpoint + " does not speak TLS: it answers"
                    + " in plain text ('" + plainAnswer.get() + "'). The Octopus Server's API is HTTPS only; check that"
                    + " the port in --server is the server's web port (8443 by default, see octopus-server configure"
                    + " --webListenPrefixes), not a plain-HTTP port of another program.", e);
        }
        return new RegistrationException(RegistrationFailure.TLS_HANDSHAKE_FAILED, "The TLS handshake with " + endpoint
                + " failed (" + rootMessage(e) + "). Is the port in --server the Octopus Server's web port? It speaks"
                + " TLS 1.2 or 1.3; SSL offloading is not supported, the TLS connection must reach the server itself.", e);
    }

    /**
     * Sends a plain-text HTTP request and returns the first line of the answer when it is printable text: evidence that
     * the port speaks plain text rather than TLS. A TLS server answers with a binary alert or closes the connection.
     */
    static Optional<String> plainTextAnswer(URI address) {
        return PlainTextProbe.firstLine(address.getHost(), port(address), PROBE_TIMEOUT, PROBE_TIMEOUT, MAX_ANSWER);
    }

    static String describe(CertificateThumbprints thumbprints) {
        return thumbprints.sha1() + " (SHA-256: " + thumbprints.sha256() + ")";
    }

    static String endpoint(URI address) {
        return address.getHost() + ":" + port(address);
    }

    static int port(URI address) {
        return address.getPort() == -1 ? 443 : address.getPort();
    }

    private static boolean has(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /** What the socket layer said about a failed connect; the HTTP client's own exception often has no message. */
    private static String connectFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.SocketException && t.getMessage() != null && !t.getMessage().isBlank()) {
                return t.getMessage();
            }
        }
        return has(e, NoRouteToHostException.class) ? "no route to host" : "connection refused";
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null || message.isBlank() ? root.getClass().getSimpleName() : message;
    }
}

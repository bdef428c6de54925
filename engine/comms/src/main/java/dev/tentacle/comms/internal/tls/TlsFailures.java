package dev.tentacle.comms.internal.tls;

import dev.tentacle.comms.CommsException;
import dev.tentacle.comms.ErrorCode;
import dev.tentacle.comms.Thumbprint;
import io.netty.handler.ssl.NotSslRecordException;
import io.netty.handler.ssl.SslHandshakeTimeoutException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a TLS failure into one named {@link CommsException} that says what is wrong and what to check. The
 * classification goes by exception type first and by the TLS alert (see {@link TlsDiagnosis}) where the engines
 * offer no type.
 */
public final class TlsFailures {
    private static final String VERSIONS = "This side speaks TLS 1.2 and 1.3 only.";

    private TlsFailures() {
    }

    /**
     * Classifies a failure seen by this side as the TLS client: its handshake failed, or the connection failed right
     * after it (in TLS 1.3 the server's verdict on the client certificate arrives after the client's handshake).
     *
     * @param expected the server thumbprint this side pins
     * @param remoteAddress the server's address as a person would recognise it, e.g. {@code host:10933}
     */
    public static CommsException classify(Throwable cause, Thumbprint expected, String remoteAddress) {
        Optional<UntrustedCertificateException> untrusted = find(cause, UntrustedCertificateException.class);
        if (untrusted.isPresent()) {
            UntrustedCertificateException u = untrusted.get();
            return new CommsException(ErrorCode.UNTRUSTED_PEER, "The server at " + remoteAddress + " presented a"
                    + " certificate with thumbprint " + u.presented().sha1() + " (SHA-1) / " + u.presented().sha256()
                    + " (SHA-256), but this side expects " + u.expected() + ". Check the thumbprint configured here"
                    + " against the one the server shows, or, if the server's certificate was replaced on purpose,"
                    + " trust its new thumbprint here.", cause);
        }
        if (find(cause, NotSslRecordException.class).isPresent()) {
            return new CommsException(ErrorCode.PROTOCOL_ERROR, "The peer at " + remoteAddress + " does not speak TLS:"
                    + " it answered with something that is not a TLS record. Is it a plain HTTP server, or another"
                    + " service on that port? Check the host and port of the endpoint (listening Tentacles use 10933,"
                    + " the server's polling port is 10943).", cause);
        }
        return classifyCommon(cause, "server", remoteAddress, expected);
    }

    /**
     * Classifies a handshake failure seen by this side as the TLS server, for a connection from a client.
     *
     * @param remoteAddress the client's address
     */
    public static CommsException classifyIncoming(Throwable cause, String remoteAddress) {
        Optional<UntrustedCertificateException> untrusted = find(cause, UntrustedCertificateException.class);
        if (untrusted.isPresent()) {
            UntrustedCertificateException u = untrusted.get();
            return new CommsException(ErrorCode.UNTRUSTED_PEER, "The client at " + remoteAddress + " presented a"
                    + " certificate with thumbprint " + u.presented().sha1() + " (SHA-1) / " + u.presented().sha256()
                    + " (SHA-256), but this side expects " + u.expected() + ". If that client should connect, add its"
                    + " thumbprint to this side's trusted list.", cause);
        }
        if (find(cause, NotSslRecordException.class).isPresent()) {
            return new CommsException(ErrorCode.PROTOCOL_ERROR, "The client at " + remoteAddress + " sent data that is"
                    + " not TLS to this TLS port: a plain http:// request, or another protocol. Connect with https://,"
                    + " or check which service the client meant to reach.", cause);
        }
        return classifyCommon(cause, "client", remoteAddress, null);
    }

    private static CommsException classifyCommon(Throwable cause, String peer, String remoteAddress, Thumbprint expected) {
        String at = "The " + peer + " at " + remoteAddress;
        if (find(cause, SslHandshakeTimeoutException.class).isPresent()) {
            return new CommsException(ErrorCode.TIMEOUT, "The TLS handshake with the " + peer + " at " + remoteAddress
                    + " did not complete in time. Check that the " + peer + " is not overloaded and that nothing in"
                    + " the path holds the connection open without answering.", cause);
        }
        TlsDiagnosis diagnosis = TlsDiagnosis.of(cause);
        if (diagnosis.versionMismatch()) {
            return new CommsException(ErrorCode.TLS_VERSION_MISMATCH, at + " and this side share no TLS version: the "
                    + peer + " offers only TLS versions older than 1.2. " + VERSIONS + " Enable TLS 1.2 or 1.3 on the "
                    + peer + " (on older Windows, install the TLS 1.2 updates and enable strong cryptography for .NET).", cause);
        }
        if (diagnosis.peerRejectedCertificate()) {
            return new CommsException(ErrorCode.UNTRUSTED_PEER, at + " does not trust this side's certificate (it sent"
                    + " the TLS alert " + String.join(", ", diagnosis.receivedAlerts()) + "). Add this side's"
                    + " thumbprint (its SHA-1 or SHA-256 form) to the " + peer + "'s trusted list.", cause);
        }
        if (diagnosis.peerReportedInternalError()) {
            return new CommsException(ErrorCode.UNTRUSTED_PEER, at + " ended the TLS session with internal_error, which"
                    + " is how an OpenSSL-based peer reports a certificate it does not trust: most likely it does not"
                    + " trust this side's certificate. Add this side's thumbprint to the " + peer + "'s trusted list;"
                    + " if it is already there, look for the internal error in the " + peer + "'s log.", cause);
        }
        String expectation = expected == null ? "" : " (this side expects the thumbprint " + expected + ")";
        return new CommsException(ErrorCode.TLS_HANDSHAKE_FAILED, "The TLS handshake with the " + peer + " at "
                + remoteAddress + expectation + " failed: " + describe(cause) + ". Check that the address points at a"
                + " Tentacle or Octopus Server comms port and that nothing in the path intercepts TLS.", cause);
    }

    private static String describe(Throwable cause) {
        Throwable innermost = cause;
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = cause; t != null && seen.add(t); t = t.getCause()) {
            if (t.getMessage() != null) {
                innermost = t;
            }
        }
        return innermost.getMessage() == null ? innermost.getClass().getSimpleName() : innermost.getMessage();
    }

    private static <T extends Throwable> Optional<T> find(Throwable cause, Class<T> type) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = cause; t != null && seen.add(t); t = t.getCause()) {
            if (type.isInstance(t)) {
                return Optional.of(type.cast(t));
            }
        }
        return Optional.empty();
    }
}

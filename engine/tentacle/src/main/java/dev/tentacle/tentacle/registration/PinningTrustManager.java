package dev.tentacle.tentacle.registration;

import dev.tentacle.comms.CertificateThumbprints;
import dev.tentacle.comms.Thumbprint;
import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Trusts the server by the thumbprint of the certificate it presents in the TLS handshake, never by a certificate
 * authority, and checks no host name: the Octopus Server's certificate is self-signed and does not carry the names it
 * is reached by.
 *
 * <p>Until a thumbprint is pinned (trust on first use), every certificate is accepted and remembered, so that the
 * caller can compare it with the one the server reports as its own before anything secret is sent; from then on only
 * the pinned certificate is accepted, on every connection. Being an {@link X509ExtendedTrustManager}, it is not
 * wrapped by the JDK's own host name check.
 */
final class PinningTrustManager extends X509ExtendedTrustManager {
    private final AtomicReference<Thumbprint> pinned = new AtomicReference<>();
    private final AtomicReference<X509Certificate> presented = new AtomicReference<>();
    private final AtomicReference<X509Certificate> rejected = new AtomicReference<>();

    /** Accepts every certificate until {@link #pin} is called. */
    PinningTrustManager() {
    }

    /** Accepts only the certificate with this thumbprint (SHA-1 or SHA-256). */
    PinningTrustManager(Thumbprint thumbprint) {
        pinned.set(thumbprint);
    }

    /** From now on, accepts only the certificate with this thumbprint. */
    void pin(Thumbprint thumbprint) {
        pinned.set(thumbprint);
    }

    Optional<Thumbprint> pinned() {
        return Optional.ofNullable(pinned.get());
    }

    /** The certificate of the most recent handshake, accepted or not. */
    Optional<X509Certificate> lastPresented() {
        return Optional.ofNullable(presented.get());
    }

    /** The most recent certificate refused because it was not the pinned one. */
    Optional<X509Certificate> rejected() {
        return Optional.ofNullable(rejected.get());
    }

    private void check(X509Certificate[] chain) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new CertificateException("The server presented no certificate.");
        }
        X509Certificate leaf = chain[0];
        presented.set(leaf);
        Thumbprint pin = pinned.get();
        if (pin != null && !pin.matches(leaf)) {
            rejected.set(leaf);
            throw new CertificateException("The server presented the certificate " + CertificateThumbprints.of(leaf)
                    + ", not the pinned one, " + pin + ".");
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        check(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        check(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        check(chain);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("This trust manager only checks servers.");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        throw new CertificateException("This trust manager only checks servers.");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        throw new CertificateException("This trust manager only checks servers.");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }
}

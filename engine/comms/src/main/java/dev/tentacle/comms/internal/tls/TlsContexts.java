package dev.tentacle.comms.internal.tls;

import dev.tentacle.comms.CertificateThumbprints;
import dev.tentacle.comms.CommsOptions.TlsProvider;
import dev.tentacle.comms.Thumbprint;
import dev.tentacle.comms.certificates.CertificateIdentity;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

/**
 * Builds the two TLS contexts of the comms stack: TLS 1.3 and 1.2 only, each side presenting its own self-signed
 * certificate.
 * <ul>
 *   <li>The server asks for a client certificate but does not require one (a browser gets the welcome page), and
 *       accepts any certificate at the TLS level: the client's thumbprint is checked at the preamble.</li>
 *   <li>The client pins the server's leaf certificate by thumbprint.</li>
 * </ul>
 */
public final class TlsContexts {
    /** The protocol versions this stack speaks, newest first. */
    public static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

    private TlsContexts() {
    }

    public static SslContext server(CertificateIdentity identity, TlsProvider provider) {
        Objects.requireNonNull(identity, "identity");
        SslContextBuilder builder = SslContextBuilder.forServer(identity.privateKey(), identity.certificate())
                .clientAuth(ClientAuth.OPTIONAL)
                .trustManager(AnyClientCertificateTrustManager.INSTANCE);
        return build(builder, provider, "server");
    }

    public static SslContext client(CertificateIdentity identity, Thumbprint expectedServer, TlsProvider provider) {
        Objects.requireNonNull(identity, "identity");
        SslContextBuilder builder = SslContextBuilder.forClient()
                .keyManager(identity.privateKey(), identity.certificate())
                .trustManager(new ThumbprintTrustManager(expectedServer))
                // Pinning replaces host name checks: the same certificate answers on every name and address.
                .endpointIdentificationAlgorithm(null);
        return build(builder, provider, "client");
    }

    /**
     * The Netty provider for a configured choice: AUTO takes OpenSSL (BoringSSL) when its native library loads on
     * this machine, else the JDK's.
     *
     * @throws IllegalStateException when OPENSSL is asked for and cannot load
     */
    public static SslProvider sslProvider(TlsProvider provider) {
        return switch (Objects.requireNonNull(provider, "provider")) {
            case JDK -> SslProvider.JDK;
            case AUTO -> OpenSsl.isAvailable() ? SslProvider.OPENSSL : SslProvider.JDK;
            case OPENSSL -> {
                if (!OpenSsl.isAvailable()) {
                    Throwable cause = OpenSsl.unavailabilityCause();
                    throw new IllegalStateException("The OPENSSL TLS provider was requested, but netty-tcnative"
                            + " (BoringSSL) cannot load on this machine (" + cause + "). Set the TLS provider to AUTO"
                            + " or JDK, or run on a platform that netty-tcnative-boringssl-static supports.", cause);
                }
                yield SslProvider.OPENSSL;
            }
        };
    }

    /** Both thumbprints of the peer's leaf certificate, or empty when the peer sent none. */
    public static Optional<CertificateThumbprints> peerThumbprints(SSLSession session) {
        Certificate[] chain;
        try {
            chain = session.getPeerCertificates();
        } catch (SSLPeerUnverifiedException e) {
            return Optional.empty();
        }
        if (chain == null || chain.length == 0 || !(chain[0] instanceof X509Certificate leaf)) {
            return Optional.empty();
        }
        return Optional.of(CertificateThumbprints.of(leaf));
    }

    private static SslContext build(SslContextBuilder builder, TlsProvider provider, String side) {
        try {
            return builder.sslProvider(sslProvider(provider)).protocols(PROTOCOLS).build();
        } catch (SSLException e) {
            throw new IllegalArgumentException("Could not set up TLS for the " + side + " side with this certificate: "
                    + e.getMessage() + ". Check that the certificate and its private key belong together, or"
                    + " generate a new certificate.", e);
        }
    }
}

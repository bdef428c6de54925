package dev.tentacle.comms.internal.tls;

import static dev.tentacle.comms.internal.tls.TlsHandshakeTest.assumeAvailable;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tentacle.comms.CommsOptions.TlsProvider;
import dev.tentacle.comms.certificates.CertificateGenerator;
import dev.tentacle.comms.certificates.CertificateIdentity;
import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslProvider;
import io.netty.util.ReferenceCountUtil;
import javax.net.ssl.SSLEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TlsContextsTest {
    private final CertificateIdentity identity = CertificateGenerator.generate("Octopus Tentacle");

    @Test
    void autoPrefersOpenSslWhereItLoads() {
        assertThat(TlsContexts.sslProvider(TlsProvider.AUTO))
                .isEqualTo(OpenSsl.isAvailable() ? SslProvider.OPENSSL : SslProvider.JDK);
        assertThat(TlsContexts.sslProvider(TlsProvider.JDK)).isEqualTo(SslProvider.JDK);
    }

    @ParameterizedTest
    @EnumSource(value = TlsProvider.class, names = {"JDK", "OPENSSL"})
    void bothSidesEnableOnlyTls13And12(TlsProvider provider) {
        assumeAvailable(provider);
        SslContext server = TlsContexts.server(identity, provider);
        SslContext client = TlsContexts.client(identity, identity.thumbprints().sha256(), provider);

        for (SslContext context : new SslContext[] {server, client}) {
            SSLEngine engine = context.newEngine(ByteBufAllocator.DEFAULT);
            try {
                // Netty's OpenSSL engine always lists the pseudo-protocol SSLv2Hello (a ClientHello format, which
                // BoringSSL does not accept anyway); the protocol versions themselves are exactly 1.3 and 1.2.
                assertThat(engine.getEnabledProtocols()).filteredOn(p -> !p.equals("SSLv2Hello"))
                        .containsExactlyInAnyOrder("TLSv1.3", "TLSv1.2");
            } finally {
                ReferenceCountUtil.release(engine);
            }
        }
        assertThat(server.isServer()).isTrue();
        assertThat(client.isClient()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(value = TlsProvider.class, names = {"JDK", "OPENSSL"})
    void serverAsksForButDoesNotRequireAClientCertificate(TlsProvider provider) {
        assumeAvailable(provider);
        SSLEngine engine = TlsContexts.server(identity, provider).newEngine(ByteBufAllocator.DEFAULT);
        try {
            assertThat(engine.getWantClientAuth()).isTrue();
            assertThat(engine.getNeedClientAuth()).isFalse();
        } finally {
            ReferenceCountUtil.release(engine);
        }
    }
}

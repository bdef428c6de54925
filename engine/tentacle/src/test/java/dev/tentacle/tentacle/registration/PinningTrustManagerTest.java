package dev.tentacle.tentacle.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tentacle.testing.certificates.CertificateFixtures;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import org.junit.jupiter.api.Test;

class PinningTrustManagerTest {
    static final X509Certificate SERVER = CertificateFixtures.server().certificate();
    static final X509Certificate OTHER = CertificateFixtures.other().certificate();

    @Test
    void withoutAPinAcceptsAnyCertificateAndRemembersIt() throws CertificateException {
        var trust = new PinningTrustManager();

        trust.checkServerTrusted(new X509Certificate[] {OTHER}, "ECDHE_ECDSA");

        assertThat(trust.lastPresented()).contains(OTHER);
        assertThat(trust.rejected()).isEmpty();
    }

    @Test
    void oncePinnedAcceptsOnlyThatCertificateInEitherThumbprintForm() throws CertificateException {
        var bySha1 = new PinningTrustManager(CertificateFixtures.server().thumbprints().sha1());
        var bySha256 = new PinningTrustManager();
        bySha256.pin(CertificateFixtures.server().thumbprints().sha256());

        bySha1.checkServerTrusted(new X509Certificate[] {SERVER}, "RSA", (javax.net.ssl.SSLEngine) null);
        bySha256.checkServerTrusted(new X509Certificate[] {SERVER}, "RSA", (java.net.Socket) null);

        assertThatThrownBy(() -> bySha256.checkServerTrusted(new X509Certificate[] {OTHER}, "RSA"))
                .isInstanceOf(CertificateException.class)
                .hasMessageContaining(CertificateFixtures.other().thumbprints().sha1().hex())
                .hasMessageContaining(CertificateFixtures.server().thumbprints().sha256().hex());
        assertThat(bySha256.rejected()).contains(OTHER);
        assertThat(bySha256.lastPresented()).contains(OTHER);
    }

    @Test
    void onlyTheLeafCertificateCounts() {
        var trust = new PinningTrustManager(CertificateFixtures.server().thumbprints().sha256());

        assertThatThrownBy(() -> trust.checkServerTrusted(new X509Certificate[] {OTHER, SERVER}, "RSA"))
                .isInstanceOf(CertificateException.class);
    }

    @Test
    void refusesAnEmptyChainAndClientsAndTrustsNoAuthority() {
        var trust = new PinningTrustManager();

        assertThatThrownBy(() -> trust.checkServerTrusted(new X509Certificate[0], "RSA"))
                .hasMessageContaining("no certificate");
        assertThatThrownBy(() -> trust.checkClientTrusted(new X509Certificate[] {SERVER}, "RSA"))
                .isInstanceOf(CertificateException.class);
        assertThat(trust.getAcceptedIssuers()).isEmpty();
    }
}
